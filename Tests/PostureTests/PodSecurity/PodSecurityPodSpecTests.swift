import XCTest
import PalisadeCore
@testable import Posture

final class PodSecurityPodSpecTests: XCTestCase {
    private typealias S = PodSecurityTestSupport

    func testExtractsTemplatesOfWorkloads() {
        let template = "template:\n  metadata: {annotations: {k: v}}\n  spec: {containers: [{name: c}]}"
        for kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"] {
            let object = S.object("kind: \(kind)\nspec:\n" + template.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            let pod = PodSecurityPodSpec.extract(from: object)
            XCTAssertEqual(pod?.metadata?["annotations"]?["k"], .string("v"), kind)
            XCTAssertNotNil(pod?.spec["containers"], kind)
        }
        XCTAssertNotNil(PodSecurityPodSpec.extract(from: S.object("kind: PodTemplate\n" + template)))
        let cronJob = S.object("kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {containers: []}")
        XCTAssertNotNil(PodSecurityPodSpec.extract(from: cronJob))
    }

    func testRejectsOtherKindsAndMissingSpecs() {
        XCTAssertNil(PodSecurityPodSpec.extract(from: S.object("kind: Service\nspec: {}")))
        XCTAssertNil(PodSecurityPodSpec.extract(from: S.object("kind: Pod")))
        XCTAssertNil(PodSecurityPodSpec.extract(from: S.object("kind: Deployment\nspec: {template: {spec: [1]}}")))
        XCTAssertNil(PodSecurityPodSpec.extract(from: .string("Pod")))
    }

    func testWronglyTypedFieldsDoNotCrash() {
        let odd = S.object("""
        kind: Pod
        metadata: {annotations: [1, 2]}
        spec:
          hostNetwork: "true"
          volumes: {a: 1}
          securityContext: [x]
          containers: [1, "x", null, {name: 7, securityContext: {privileged: "yes", capabilities: {add: [1]}}}]
        """)
        guard let pod = PodSecurityPodSpec.extract(from: odd) else { return XCTFail("no spec") }
        let found = PodSecurityEvaluator.evaluate(podMetadata: pod.metadata, podSpec: pod.spec, level: .restricted, version: .latest)
        XCTAssertEqual(found.map(\.checkID), ["allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"])
    }
}
