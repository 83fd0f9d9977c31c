import Foundation
import NIOHTTP1

/// The authentication headers of one request. A token file is read again for
/// every request, because service-account tokens rotate.
struct KubeAuthHeaders: Sendable {
    let connection: ClusterConnection
    /// A token an exec plugin or auth provider produced once, for the client's lifetime.
    let resolvedToken: String?

    func apply(to headers: inout HTTPHeaders) throws {
        if let token = try resolvedToken ?? connection.bearerToken(), !token.isEmpty {
            headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
        } else if case .basic(let username, let password) = connection.credentials {
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            headers.replaceOrAdd(name: "Authorization", value: "Basic \(encoded)")
        }
        if let user = connection.impersonate, !user.isEmpty {
            headers.replaceOrAdd(name: "Impersonate-User", value: user)
            for group in connection.impersonateGroups { headers.add(name: "Impersonate-Group", value: group) }
        }
    }
}
