import Foundation
import PalisadeCore
import XCTest
@testable import Rego

final class GatekeeperEvaluationTests: XCTestCase {
    private func program(_ yaml: String = GatekeeperFixtures.requiredLabelsTemplate) throws -> TemplateProgram {
        try TemplateProgram(ConstraintTemplate(GatekeeperFixtures.yaml(yaml), file: "template.yaml"))
    }

    private func constraint(labels: [String]) throws -> Constraint {
        try Constraint(.object(fields: [
            "kind": .string("K8sRequiredLabels"),
            "metadata": .object(fields: ["name": .string("need-labels")]),
            "spec": .object(fields: ["parameters": .object(fields: ["labels": .array(labels.map { .string($0) })])]),
        ]), file: "constraint.yaml")
    }

    func testViolationsCarryMessageAndDetails() throws {
        let violations = try program().violations(AdmissionReviewRequest(object: GatekeeperFixtures.pod(labels: ["team": "a"])),
                                                  constraint: constraint(labels: ["team", "owner"]))
        XCTAssertEqual(violations.map(\.message), [#"you must provide labels: ["owner"]"#])
        XCTAssertEqual(violations.first?.details?["missing"], .set([.string("owner")]))
        XCTAssertEqual(violations.first?.constraint, "need-labels")
    }

    func testNoViolationsWhenLabelsPresent() throws {
        let pod = GatekeeperFixtures.pod(labels: ["team": "a", "owner": "b"])
        XCTAssertEqual(try program().violations(AdmissionReviewRequest(object: pod), constraint: constraint(labels: ["team", "owner"])), [])
    }

    func testInventoryIsReadable() throws {
        let template = """
        kind: ConstraintTemplate
        metadata: {name: uniq}
        spec:
          crd: {spec: {names: {kind: Uniq}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package uniq
              violation[{"msg": msg}] {
                other := data.inventory.namespace[ns][_]["Pod"][name]
                name == input.review.object.metadata.name
                ns != input.review.object.metadata.namespace
                msg := sprintf("name %v also used in %v", [name, ns])
              }
        """
        let c = try Constraint(.object(fields: ["kind": .string("Uniq")]), file: "c.yaml")
        let inventory = Inventory([GatekeeperFixtures.pod(name: "web", namespace: "other")])
        let v = try program(template).violations(AdmissionReviewRequest(object: GatekeeperFixtures.pod(name: "web")), constraint: c, inventory: inventory)
        XCTAssertEqual(v.map(\.message), ["name web also used in other"])
    }

    func testHTTPSendIsRejected() throws {
        let template = """
        kind: ConstraintTemplate
        metadata: {name: net}
        spec:
          crd: {spec: {names: {kind: Net}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package net
              violation[{"msg": "x"}] {
                resp := http.send({"method": "GET", "url": "http://example.com"})
                resp.status_code != 200
              }
        """
        XCTAssertThrowsError(try program(template)) { error in
            XCTAssertTrue("\(error)".contains("unsafe built-in function calls in expression: http.send"), "\(error)")
        }
    }

    func testDataOutsideInventoryAndLibIsRejected() throws {
        let template = """
        kind: ConstraintTemplate
        metadata: {name: peek}
        spec:
          crd: {spec: {names: {kind: Peek}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package peek
              violation[{"msg": "x"}] { data.secrets.token }
        """
        XCTAssertThrowsError(try program(template)) { error in
            XCTAssertTrue("\(error)".contains("data.secrets.token"), "\(error)")
        }
    }

    func testExampleSuitePasses() throws {
        let suitePath = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/gatekeeper/requiredlabels/suite.yaml").path
        var runner = GatorRunner()
        let results = runner.run(try GatorSuite.load(suitePath))
        XCTAssertEqual(results.count, 5)
        XCTAssertEqual(results.compactMap(\.failure), [])
        XCTAssertEqual(results.map(\.name).sorted(), [
            "requiredlabels/team-and-app/kube-system-is-excluded",
            "requiredlabels/team-and-app/labelled-deployment",
            "requiredlabels/team-and-app/pod-without-app-label#0",
            "requiredlabels/team-and-app/pod-without-app-label#1",
            "requiredlabels/team-and-app/update-review",
        ])
    }
}
