import NIOSSL

/// A short explanation of a TLS failure, naming the usual cause.
enum KubeTLSErrorText {
    static func describe(_ error: Error) -> String {
        let text = "\(error)"
        if text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate verify failed") {
            return "the server's certificate is not trusted by the configured certificate authority (\(text))"
        }
        if (error as? NIOSSLExtraError) == .failedToValidateHostname {
            return "the server's certificate does not name this host; set tls-server-name (\(text))"
        }
        if text.contains("CERTIFICATE_REQUIRED") || text.contains("BAD_CERTIFICATE") || text.contains("UNKNOWN_CA") {
            return "the server rejected the client certificate (\(text))"
        }
        return text
    }
}
