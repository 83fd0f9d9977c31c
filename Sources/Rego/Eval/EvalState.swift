import Foundation
import PalisadeCore

/// The variable slots of one rule, function call or query evaluation.
/// Bindings are scoped: whoever binds a slot unbinds it when its
/// continuation returns, so backtracking needs no trail.
final class Frame {
    var slots: [Value?]

    init(count: Int) {
        slots = [Value?](repeating: nil, count: count)
    }
}

/// A `with data.…` replacement in force.
struct DataOverlay {
    let path: [String]
    let value: Value
}

/// What `with f as …` put in place of a function.
enum FunctionMock {
    case value(Value)
    case function(Callee)
}

/// The part of an evaluation's state that `with` replaces; it also owns the
/// rule cache, which is only valid for one set of replacements.
final class EvalScope {
    let input: Value?
    let data: Value
    let overlays: [DataOverlay]
    let mocks: [String: FunctionMock]
    var ruleCache: [Int: Value?] = [:]
    var functionCache: [FunctionCallKey: Value?] = [:]

    init(input: Value?, data: Value, overlays: [DataOverlay], mocks: [String: FunctionMock]) {
        self.input = input
        self.data = data
        self.overlays = overlays
        self.mocks = mocks
    }
}

struct FunctionCallKey: Hashable {
    let path: [String]
    let args: [Value]
}

/// Stops an enumeration early (first solution found for `not`, `every`, ...).
struct StopEvaluation: Error {}
