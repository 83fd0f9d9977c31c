import XCTest
import PalisadeCore
@testable import Kube

final class KubePodTemplatesTests: XCTestCase {
    private func objects(_ text: String) -> [KubeObject] {
        let set = ManifestLoader().load(text: text, file: "w.yaml")
        XCTAssertEqual(set.errors.map(\.description), [])
        return set.objects
    }

    private let podSpec = "{initContainers: [{name: init, image: busybox}], containers: [{name: app, image: nginx, securityContext: {privileged: true}}, {name: side, image: envoy}], volumes: [{name: v, hostPath: {path: /}}]}"

    func testEveryWorkloadKind() throws {
        let workloads: [(String, String, String)] = [
            ("v1", "Pod", "spec: \(podSpec)"),
            ("apps/v1", "Deployment", "spec: {template: {metadata: {labels: {a: b}}, spec: \(podSpec)}}"),
            ("apps/v1", "StatefulSet", "spec: {template: {spec: \(podSpec)}}"),
            ("apps/v1", "DaemonSet", "spec: {template: {spec: \(podSpec)}}"),
            ("apps/v1", "ReplicaSet", "spec: {template: {spec: \(podSpec)}}"),
            ("extensions/v1beta1", "Deployment", "spec: {template: {spec: \(podSpec)}}"),
            ("v1", "ReplicationController", "spec: {template: {spec: \(podSpec)}}"),
            ("batch/v1", "Job", "spec: {template: {spec: \(podSpec)}}"),
            ("batch/v1", "CronJob", "spec: {jobTemplate: {spec: {template: {spec: \(podSpec)}}}}"),
            ("v1", "PodTemplate", "template: {spec: \(podSpec)}"),
        ]
        let expected = ["spec", "spec.template.spec", "spec.template.spec", "spec.template.spec", "spec.template.spec",
                        "spec.template.spec", "spec.template.spec", "spec.template.spec",
                        "spec.jobTemplate.spec.template.spec", "template.spec"]
        let text = workloads.map { "apiVersion: \($0.0)\nkind: \($0.1)\nmetadata: {name: w, labels: {own: x}}\n\($0.2)" }.joined(separator: "\n---\n")
        let views = objects(text).map(PodTemplates.podSpec(of:))
        XCTAssertEqual(views.map { $0?.specPath }, expected)
        for view in views {
            let view = try XCTUnwrap(view)
            XCTAssertEqual(view.containers.map(\.name), ["init", "app", "side"])
            XCTAssertEqual(view.containers.map(\.role), [.initContainer, .container, .container])
            XCTAssertEqual(view.containers[1].path, "\(view.specPath).containers[0]")
            XCTAssertEqual(view.containers[2].path, "\(view.specPath).containers[1]")
            XCTAssertEqual(view.containers[0].path, "\(view.specPath).initContainers[0]")
            XCTAssertEqual(view.containers[1].securityContext?["privileged"], .bool(true))
            XCTAssertEqual(view.volumes.count, 1)
        }
        XCTAssertEqual(views[0]?.labels, ["own": "x"])
        XCTAssertEqual(views[1]?.labels, ["a": "b"])
        XCTAssertEqual(views[1]?.metadataPath, "spec.template.metadata")
    }

    func testKindsWithoutPodSpec() {
        let list = objects("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: {selector: {a: b}}
            ---
            apiVersion: example.com/v1
            kind: Deployment
            metadata: {name: custom}
            spec: {template: {spec: {containers: []}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: templateless}
            spec: {replicas: 1}
            """)
        XCTAssertEqual(list.map(PodTemplates.podSpec(of:)).map { $0 == nil }, [true, true, true])
        XCTAssertEqual(list.map(PodTemplates.hasPodSpec), [false, false, true])
    }
}
