import PalisadeCore
import XCTest
@testable import Posture

final class KubescapeAggregatorTests: XCTestCase {
    private func object(_ json: String) throws -> Value { try JSONReader.decode(json) }

    func testSubjectRoleRoleBindingBuildsOneObjectPerSubject() throws {
        let role = try object(#"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"admin"}}"#)
        let other = try object(#"{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"admin"}}"#)
        let binding = try object(#"""
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"b"},
         "roleRef":{"kind":"ClusterRole","name":"admin"},
         "subjects":[{"kind":"User","name":"alice"},{"kind":"ServiceAccount","name":"sa","namespace":"ns"}]}
        """#)
        let pod = try object(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}"#)
        let result = KubescapeAggregator(named: "subject-role-rolebinding").aggregate([pod, role, other, binding])
        XCTAssertEqual(result.count, 2)
        XCTAssertEqual(result.first?["name"], .string("alice"))
        XCTAssertEqual(result.first?["relatedObjects"], .array([binding, role]))
        XCTAssertEqual(result.last?["namespace"], .string("ns"))
    }

    func testAPIServerPodKeepsOnlyTheKubeSystemAPIServer() throws {
        let apiServer = try object(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"kube-apiserver-node1","namespace":"kube-system"}}"#)
        let elsewhere = try object(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"kube-apiserver-x","namespace":"default"}}"#)
        let other = try object(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"etcd","namespace":"kube-system"}}"#)
        let aggregator = KubescapeAggregator(named: "apiserver-pod")
        XCTAssertEqual(aggregator.aggregate([elsewhere, other, apiServer]), [apiServer])
        XCTAssertEqual(aggregator.aggregate([elsewhere, other]), [])
    }

    func testUnknownAggregatorPassesObjectsThrough() throws {
        let pod = try object(#"{"kind":"Pod"}"#)
        XCTAssertEqual(KubescapeAggregator(named: "something-else").aggregate([pod]), [pod])
    }

    func testHostSensorObjectsAreEnveloped() throws {
        let info = try object(#"{"apiVersion":"hostdata.kubescape.cloud/v1beta0","kind":"KubeletInfo","extra":1,"data":{"cmdLine":"kubelet"}}"#)
        let shaped = KubescapeEnvelope.normalize(info)
        XCTAssertEqual(shaped, try object(#"{"apiVersion":"hostdata.kubescape.cloud/v1beta0","kind":"KubeletInfo","metadata":{"name":""},"data":{"cmdLine":"kubelet"}}"#))
        let pod = try object(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},"spec":{}}"#)
        XCTAssertEqual(KubescapeEnvelope.normalize(pod), pod)
        let broken = try object(#"{"apiVersion":"hostdata.kubescape.cloud/v1beta0","kind":7}"#)
        XCTAssertNil(KubescapeEnvelope.normalize(broken))
    }
}
