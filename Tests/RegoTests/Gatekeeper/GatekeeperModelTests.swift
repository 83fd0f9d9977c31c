import PalisadeCore
import XCTest
@testable import Rego

final class GatekeeperModelTests: XCTestCase {
    func testTemplateReadsRegoAndLibs() throws {
        let template = try ConstraintTemplate(GatekeeperFixtures.yaml(GatekeeperFixtures.requiredLabelsTemplate), file: "t.yaml")
        XCTAssertEqual(template.constraintKind, "K8sRequiredLabels")
        XCTAssertTrue(template.rego.hasPrefix("package k8srequiredlabels"))
        XCTAssertEqual(template.libs.count, 1)
        XCTAssertTrue(template.notices.isEmpty)
    }

    func testTemplateCodeEntriesPreferRegoAndNoteCEL() throws {
        let doc = try GatekeeperFixtures.yaml("""
        kind: ConstraintTemplate
        metadata: {name: x}
        spec:
          crd: {spec: {names: {kind: X}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            code:
            - engine: K8sNativeValidation
              source: {validations: [{expression: "true"}]}
            - engine: Rego
              source:
                rego: "package x"
                libs: ["package lib.y"]
        """)
        let template = try ConstraintTemplate(doc, file: "t.yaml")
        XCTAssertEqual(template.rego, "package x")
        XCTAssertEqual(template.libs, ["package lib.y"])
        XCTAssertEqual(template.notices.count, 1)
        XCTAssertTrue(template.notices[0].contains("K8sNativeValidation"))
    }

    func testTemplateWithoutRegoIsRejected() throws {
        let doc = try GatekeeperFixtures.yaml("""
        kind: ConstraintTemplate
        metadata: {name: x}
        spec:
          crd: {spec: {names: {kind: X}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            code:
            - engine: K8sNativeValidation
              source: {}
        """)
        XCTAssertThrowsError(try ConstraintTemplate(doc, file: "t.yaml")) { error in
            XCTAssertTrue("\(error)".hasPrefix("t.yaml: "))
        }
    }

    func testReviewOfPlainObjectIsCreate() {
        let deployment: Value = .object(fields: [
            "apiVersion": .string("apps/v1"), "kind": .string("Deployment"),
            "metadata": .object(fields: ["name": .string("api"), "namespace": .string("shop")]),
        ])
        let review = AdmissionReviewRequest(object: deployment)
        XCTAssertEqual(review.kind, GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
        XCTAssertEqual(review.value["operation"], .string("CREATE"))
        XCTAssertEqual(review.value["name"], .string("api"))
        XCTAssertEqual(review.value["namespace"], .string("shop"))
        XCTAssertEqual(review.value["object"], deployment)
        XCTAssertNil(review.value["oldObject"])
    }

    func testAdmissionReviewSuppliesRequest() throws {
        let doc = try GatekeeperFixtures.yaml("""
        kind: AdmissionReview
        apiVersion: admission.k8s.io/v1beta1
        request:
          operation: UPDATE
          userInfo: {username: alice}
          object: {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: ns}}
          oldObject: {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: ns}}
        """)
        let review = try AdmissionReviewRequest.from(doc, file: "r.yaml")
        XCTAssertEqual(review.operation, "UPDATE")
        XCTAssertEqual(review.kind.kind, "Pod")
        XCTAssertEqual(review.namespace, "ns")
        XCTAssertEqual(review.value["userInfo"]?["username"], .string("alice"))
        XCTAssertNotNil(review.value["oldObject"])
    }

    func testInventoryLayout() {
        let storageClass: Value = .object(fields: ["apiVersion": .string("storage.k8s.io/v1"), "kind": .string("StorageClass"),
                                                   "metadata": .object(fields: ["name": .string("fast")])])
        let service: Value = .object(fields: ["apiVersion": .string("v1"), "kind": .string("Service"),
                                              "metadata": .object(fields: ["name": .string("web"), "namespace": .string("shop")])])
        let data = Inventory([storageClass, service]).data
        XCTAssertEqual(data["inventory"]?["cluster"]?["storage.k8s.io/v1"]?["StorageClass"]?["fast"], storageClass)
        XCTAssertEqual(data["inventory"]?["namespace"]?["shop"]?["v1"]?["Service"]?["web"], service)
    }

    func testAssertionSemantics() throws {
        let violations = [Violation(message: "container <nginx> has no memory limit", details: nil, constraint: "c"),
                          Violation(message: "container <nginx> has no cpu limit", details: nil, constraint: "c")]
        let yes = try Assertion(.object(fields: ["violations": .string("yes")]), file: "s")
        XCTAssertNil(yes.check(violations))
        XCTAssertNotNil(yes.check([]))
        let boolNo = try Assertion(.object(fields: ["violations": .bool(false)]), file: "s")
        XCTAssertNil(boolNo.check([]))
        XCTAssertNotNil(boolNo.check(violations))
        let two = try Assertion(.object(fields: ["violations": .int(2)]), file: "s")
        XCTAssertNil(two.check(violations))
        let memory = try Assertion(.object(fields: ["violations": .int(1), "message": .string("memory")]), file: "s")
        XCTAssertNil(memory.check(violations))
        let unanchored = try Assertion(.object(fields: ["message": .string("no .* limit")]), file: "s")
        XCTAssertNil(unanchored.check(violations))
        let defaultYes = try Assertion(.emptyObject, file: "s")
        XCTAssertNotNil(defaultYes.check([]))
    }
}
