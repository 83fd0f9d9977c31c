import Foundation
import Kube
import PalisadeCore
import Rego

/// Runs a control library over objects: every module is compiled once, each
/// control's `deny` query is prepared once, and `data.inventory` is built once
/// per scan and shared by all evaluations (no per-evaluation conversion).
public final class ControlScanner: Sendable {
    public let library: ControlLibrary
    private let engine: RegoEngine
    /// Prepared `deny` query per control, in `library.controls` order.
    private let queries: [PreparedQuery]
    /// Control indexes per kind, and those that apply to every kind.
    private let byKind: [String: [Int]]
    private let anyKind: [Int]

    /// Compiles the library; compile errors are thrown with file:line.
    public init(library: ControlLibrary) throws {
        self.library = library
        do {
            let engine = try RegoEngine(modules: library.helpers + library.controls.map(\.module))
            queries = try library.controls.map { try engine.prepare("data." + $0.package.joined(separator: ".") + ".deny") }
            self.engine = engine
        } catch let error as RegoErrors {
            throw ControlLibraryError(error.errors.map { InputError("\($0.code.rawValue): \($0.message)", at: $0.location) })
        } catch let error as RegoError {
            throw ControlLibraryError([InputError("\(error.code.rawValue): \(error.message)", at: error.location)])
        }
        var byKind: [String: [Int]] = [:], anyKind: [Int] = []
        for (index, control) in library.controls.enumerated() {
            if control.info.kinds.contains("*") {
                anyKind.append(index)
            } else {
                for kind in Set(control.info.kinds) { byKind[kind, default: []].append(index) }
            }
        }
        self.byKind = byKind
        self.anyKind = anyKind
    }

    /// The controls (indexes into `library.controls`, ascending) that apply to `kind`.
    func controls(forKind kind: String) -> [Int] {
        ((byKind[kind] ?? []) + anyKind).sorted()
    }

    /// Evaluates every applicable control on every object. `config` becomes
    /// `data.palisade.config`; `now` fixes `time.now_ns()` so reports are
    /// reproducible. Results are in object order whatever the thread count.
    public func evaluate(_ objects: [KubeObject], config: Value = .emptyObject, now: Timestamp,
                         threads: Int = ProcessInfo.processInfo.activeProcessorCount, profile: ControlProfile? = nil) -> [ObjectEvaluation] {
        let data = Value.object(fields: [
            "inventory": InventoryData.build(objects),
            "palisade": .object(fields: ["config": config]),
        ])
        var options = EvalOptions()
        options.nowNanoseconds = now.nanoseconds
        let frozenOptions = options
        let batches = Dictionary(uniqueKeysWithValues: Set(objects.map(\.kind)).map { ($0, batch(forKind: $0)) })
        return ParallelWork.map(count: objects.count, threads: threads) { index in
            let object = objects[index]
            var batch = batches[object.kind] ?? KindBatch(controls: [], query: nil)
            if profile != nil { batch.query = nil }
            return self.evaluate(object, index: index, batch: batch, data: data, options: frozenOptions, profile: profile)
        }
    }

    /// The controls for one kind and a single query that evaluates all their
    /// `deny` sets in one evaluator, so helper rules (`containers`, RBAC
    /// matching) are computed once per object instead of once per control.
    private struct KindBatch: Sendable {
        var controls: [Int]
        var query: PreparedQuery?
    }

    private func batch(forKind kind: String) -> KindBatch {
        let indexes = controls(forKind: kind)
        guard indexes.count > 1 else { return KindBatch(controls: indexes, query: nil) }
        let text = indexes.enumerated().map { position, control in
            "c\(position) := data." + library.controls[control].package.joined(separator: ".") + ".deny"
        }.joined(separator: "; ")
        return KindBatch(controls: indexes, query: try? engine.prepare(text))
    }

    /// Evaluates the batch query; when it fails or is undefined (an error or a
    /// non-set `deny` somewhere), each control is evaluated on its own so the
    /// problem is attributed to the right control.
    private func evaluate(_ object: KubeObject, index: Int, batch: KindBatch, data: Value, options: EvalOptions,
                          profile: ControlProfile?) -> ObjectEvaluation {
        if let query = batch.query,
           let results = try? query.eval(input: object.value, data: data, options: options), results.count == 1 {
            let bindings = results[0].bindings
            let outcomes = batch.controls.enumerated().map { position, control in
                (library.controls[control].info.id, Self.outcome(of: bindings["c\(position)"]))
            }
            return ObjectEvaluation(object: index, outcomes: outcomes)
        }
        let outcomes = batch.controls.map { control in
            let start = DispatchTime.now().uptimeNanoseconds
            let result = outcome(of: control, on: object, data: data, options: options)
            let id = library.controls[control].info.id
            profile?.record(id, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            return (id, result)
        }
        return ObjectEvaluation(object: index, outcomes: outcomes)
    }

    private func outcome(of control: Int, on object: KubeObject, data: Value, options: EvalOptions) -> ControlOutcome {
        let value: Value?
        do {
            value = try queries[control].eval(input: object.value, data: data, options: options).first?.expressions.first?.value
        } catch let error as RegoError {
            return .error(error.description)
        } catch {
            return .error("\(error)")
        }
        return Self.outcome(of: value)
    }

    private static func outcome(of value: Value?) -> ControlOutcome {
        switch DenyResult.results(from: value) {
        case .success(let results) where results.isEmpty:
            return .passed
        case .success(let results):
            return .failed(results.map { ControlViolation(message: $0.message, path: $0.path, details: $0.details) })
        case .failure(let problem):
            return .error(problem.message)
        }
    }
}
