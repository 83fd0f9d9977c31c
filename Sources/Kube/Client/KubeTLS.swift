import NIOSSL

/// The TLS settings for one cluster connection: whom to trust and which
/// client certificate to present.
enum KubeTLS {
    /// Trust roots from the connection's CA PEM (system roots when absent),
    /// no verification at all for `insecure-skip-tls-verify`, and the client
    /// certificate chain and key for mutual TLS.
    static func configuration(for connection: ClusterConnection,
                              clientCertificate: [UInt8]? = nil,
                              clientKey: [UInt8]? = nil) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if connection.insecureSkipTLSVerify {
            tls.certificateVerification = .none
        } else if let authority = connection.certificateAuthority {
            tls.trustRoots = .certificates(try certificates(authority, what: "certificate-authority"))
        }
        let certificate = clientCertificate ?? connection.clientCertificate
        let key = clientKey ?? connection.clientKey
        if let certificate, let key {
            tls.certificateChain = try certificates(certificate, what: "client certificate").map { .certificate($0) }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            } catch {
                throw KubeAPIError.configuration("\(origin(connection)): the client key is not a PEM private key (\(error))")
            }
        }
        return tls
    }

    private static func certificates(_ pem: [UInt8], what: String) throws -> [NIOSSLCertificate] {
        let parsed: [NIOSSLCertificate]
        do {
            parsed = try NIOSSLCertificate.fromPEMBytes(pem)
        } catch {
            throw KubeAPIError.configuration("the \(what) is not PEM certificate data (\(error))")
        }
        guard !parsed.isEmpty else { throw KubeAPIError.configuration("the \(what) holds no PEM certificate") }
        return parsed
    }

    private static func origin(_ connection: ClusterConnection) -> String {
        connection.contextName.map { "context '\($0)'" } ?? "in-cluster configuration"
    }
}
