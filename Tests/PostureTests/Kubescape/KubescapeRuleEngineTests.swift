import PalisadeCore
import Rego
import XCTest
@testable import Posture

final class KubescapeRuleEngineTests: XCTestCase {
    /// A rule in regolibrary style: v0 `deny[msga]`, control inputs from
    /// `data.postureControlInputs`, a helper from `data.cautils`.
    private let ruleText = #"""
    package armo_builtins
    import data.cautils

    deny[msga] {
        pod := input[_]
        pod.kind == "Pod"
        container := pod.spec.containers[i]
        cap := container.securityContext.capabilities.add[_]
        cautils.list_contains(data.postureControlInputs.insecureCapabilities, cap)
        path := sprintf("spec.containers[%v].securityContext.capabilities.add", [format_int(i, 10)])
        msga := {
            "alertMessage": sprintf("container %v adds %v", [container.name, cap]),
            "packagename": "armo_builtins",
            "alertScore": 7,
            "failedPaths": [path],
            "fixPaths": [],
            "alertObject": {"k8sApiObjects": [pod]}
        }
    }
    """#

    private func pod(_ capability: String) throws -> Value {
        try JSONReader.decode(#"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"prod"},
         "spec":{"containers":[{"name":"app","securityContext":{"capabilities":{"add":["\#(capability)"]}}}]}}
        """#)
    }

    private func engine() throws -> KubescapeRuleEngine {
        let rule = KubescapeRule(name: "caps", policy: RegoSource(file: "caps.rego", text: ruleText))
        // A stand-in for Kubescape's `cautils` library (read from a regolibrary's deps/ in real use).
        let cautils = RegoSource(file: "cautils.rego", text: "package cautils\n\nlist_contains(list, element) { list[_] == element }\n")
        return try KubescapeRuleEngine(rule: rule, modules: [cautils])
    }

    func testFindingsComeBackAsRuleResponses() throws {
        let inputs = KubescapeControlInputs(postureControlInputs: ["insecureCapabilities": .array([.string("NET_ADMIN")])])
        let result = try engine().evaluate(objects: [try pod("NET_ADMIN"), try pod("CHOWN")], inputs: inputs)
        XCTAssertEqual(result.responses.count, 1)
        let finding = try XCTUnwrap(result.responses.first)
        XCTAssertEqual(finding.alertMessage, "container app adds NET_ADMIN")
        XCTAssertEqual(finding.failedPaths, ["spec.containers[0].securityContext.capabilities.add"])
        XCTAssertEqual(finding.fixPaths, [])
        XCTAssertEqual(finding.k8sApiObjects?.first?["metadata"]?["name"], .string("web"))
        XCTAssertEqual(result.document["deny"]?.arrayValue?.count, 1)
    }

    func testControlInputsOverrideDefaults() throws {
        let defaults = KubescapeControlInputs(postureControlInputs: ["insecureCapabilities": .array([.string("NET_ADMIN")])])
        let overridden = try defaults.overridden(by: JSONReader.decode(#"{"postureControlInputs":{"insecureCapabilities":["CHOWN"]}}"#))
        let result = try engine().evaluate(objects: [try pod("NET_ADMIN"), try pod("CHOWN")], inputs: overridden)
        XCTAssertEqual(result.responses.map(\.alertMessage), ["container app adds CHOWN"])
        XCTAssertEqual(overridden.data["k8sconfig"]?["host"], .string(""))
        XCTAssertEqual(overridden.data["dataControlInputs"], .null)
    }

    func testNonFindingRulesInThePackageAreDecodeErrors() throws {
        let text = "package armo_builtins\nimport rego.v1\nflag := true\n"
        let engine = try KubescapeRuleEngine(rule: KubescapeRule(name: "x", policy: RegoSource(file: "x.rego", text: text)))
        XCTAssertThrowsError(try engine.evaluate(objects: [])) { error in
            XCTAssertTrue("\(error)".contains("rule flag"), "\(error)")
        }
    }

    func testSyntaxErrorsNameTheFile() {
        let rule = KubescapeRule(name: "bad", policy: RegoSource(file: "bad.rego", text: "package armo_builtins\ndeny[msga] {"))
        XCTAssertThrowsError(try KubescapeRuleEngine(rule: rule)) { error in
            XCTAssertTrue("\(error)".contains("bad.rego:"), "\(error)")
        }
    }

    func testMissingRuleDirectoryIsAnError() {
        XCTAssertThrowsError(try KubescapeRule.load(directory: "/nonexistent/rule")) { error in
            XCTAssertTrue("\(error)".contains("rule.metadata.json"), "\(error)")
        }
    }
}
