import XCTest
@testable import Rego
import PalisadeCore

final class CollectionsGraphTests: XCTestCase {
    typealias T = CollectionsTestSupport

    private func graph(_ edges: [String: [String]], sets: Bool = true) -> Value {
        .object(Dictionary(uniqueKeysWithValues: edges.map { key, targets in
            let items = targets.map(Value.string)
            return (Value.string(key), sets ? Value.set(Set(items)) : Value.array(items))
        }))
    }

    func testReachable() throws {
        XCTAssertEqual(try T.text("graph.reachable", .emptyObject, T.strings("a")), "[]")
        XCTAssertEqual(try T.text("graph.reachable", graph(["a": ["b"], "b": ["c"], "c": ["a"]]), T.strings("a")), #"["a","b","c"]"#)
        let components = graph(["a": ["b", "c"], "b": ["d"], "c": ["d"], "d": [], "e": ["f"], "f": ["e"], "x": ["x"]])
        XCTAssertEqual(try T.text("graph.reachable", components, T.strings("b", "e")), #"["b","d","e","f"]"#)
        XCTAssertEqual(try T.text("graph.reachable", graph(["a": ["b"], "b": ["c"], "c": ["a"]], sets: false), T.json(#"["a"]"#)),
                       #"["a","b","c"]"#)
        XCTAssertEqual(try T.text("graph.reachable", T.json(#"{"a": null}"#), T.json(#"["a"]"#)), #"["a"]"#)
        T.assertError("graph.reachable", .int(1), T.json("[1]"), message: "graph.reachable: operand 1 must be object but got number")
        T.assertError("graph.reachable", T.json(#"{"a": []}"#), .string("a"),
                      message: "graph.reachable: operand 2 must be {array, set} but got string")
    }

    /// A chain far longer than the call stack could recurse.
    func testLongChainsDoNotRecurse() throws {
        var edges: [String: [String]] = [:]
        for i in 0..<20_000 { edges["n\(i)"] = ["n\(i + 1)"] }
        let reached = try XCTUnwrap(T.call("graph.reachable", graph(edges, sets: false), T.strings("n0")))
        XCTAssertEqual(reached.setValue?.count, 20_000)
        let paths = try XCTUnwrap(T.call("graph.reachable_paths", graph(edges, sets: false), T.strings("n0")))
        XCTAssertEqual(paths.setValue?.first?.arrayValue?.count, 20_000)
    }

    func testReachablePaths() throws {
        XCTAssertEqual(try T.text("graph.reachable_paths", .emptyObject, T.strings("a")), "[]")
        XCTAssertEqual(try T.text("graph.reachable_paths", graph(["a": ["b"], "b": ["c"], "c": ["a"]]), T.strings("a")), #"[["a","b","c"]]"#)
        let components = graph(["a": ["b", "c"], "b": ["d"], "c": ["d"], "d": [], "e": ["f"], "f": ["e"], "x": ["x"]])
        XCTAssertEqual(try T.text("graph.reachable_paths", components, T.strings("b", "e")), #"[["b","d"],["e","f"]]"#)
        XCTAssertEqual(try T.text("graph.reachable_paths", T.json(#"{"a": null}"#), T.json(#"["a"]"#)), #"[["a"]]"#)
        XCTAssertEqual(try T.text("graph.reachable_paths", graph(["a": ["b", "c"], "b": ["c"], "c": []], sets: false), T.strings("a")),
                       #"[["a","b","c"],["a","c"]]"#)
        XCTAssertEqual(try T.text("graph.reachable_paths", graph(["a": ["b"], "b": ["nonexistent"]], sets: false), T.strings("a", "b")),
                       #"[["a","b"],["b"]]"#)
        let tree = graph(["one": ["two", "five"], "two": ["four"], "three": [""], "four": ["three"], "five": ["seven", "six"],
                          "six": ["nine", "seven"], "seven": ["eight"], "eight": ["three"], "nine": [""]], sets: false)
        XCTAssertEqual(try T.text("graph.reachable_paths", tree, T.strings("one")),
                       #"[["one","five","seven","eight","three"],["one","five","six"],["one","five","six","nine"],["one","two","four","three"]]"#)
        let noCycle = ["one": ["two", "five"], "two": ["four"], "three": [""], "four": ["three"], "five": ["seven", "six"],
                       "six": ["nine"], "seven": ["eight"], "eight": [""], "nine": [""]]
        let expected = #"[["one","five","seven","eight"],["one","five","six","nine"],["one","two","four","three"]]"#
        XCTAssertEqual(try T.text("graph.reachable_paths", graph(noCycle, sets: false), T.strings("one")), expected)
        XCTAssertEqual(try T.text("graph.reachable_paths", graph(noCycle, sets: true), T.strings("one")), expected)
        T.assertError("graph.reachable_paths", T.json(#"{"a": []}"#), .string("a"),
                      message: "graph.reachable_paths: operand 2 must be {array, set} but got string")
    }
}
