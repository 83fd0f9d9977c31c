import Foundation
import Kube
import PalisadeCore
import Posture

/// Reads a live cluster for `palisade scan --cluster`: the in-cluster service
/// account when Palisade runs in a pod and no kubeconfig or context was named,
/// otherwise the kubeconfig kubectl would use. Read-only (GET requests only).
struct ClusterInput {
    var kubeconfig: String?
    var context: String?
    var requestTimeout: Double

    func connection() throws -> ClusterConnection {
        if kubeconfig == nil, context == nil, InClusterConfig.isAvailable() {
            return try InClusterConfig.connection()
        }
        return try Kubeconfig.loadDefault(explicitPath: kubeconfig).connection(context: context)
    }

    /// Every listable object of the cluster as scan inputs; resource types
    /// the credentials may not list become notices, not failures.
    func read() throws -> ScanInputs {
        let connection = try connection()
        let reader = ClusterReader(connection: connection, requestTimeout: requestTimeout)
        let result = try reader.readAllBlocking()
        let name = "cluster:" + (connection.contextName ?? "in-cluster")
        let notices = result.warnings.map { "\(name): \($0)" }
        return ScanInputs(objects: result.objects, descriptions: [name], notices: notices)
    }
}
