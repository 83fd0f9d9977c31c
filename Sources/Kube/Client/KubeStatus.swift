import Foundation
import PalisadeCore

/// A Kubernetes `Status` object (`kind: Status`, `apiVersion: v1`), which the
/// API server returns for every failed request, or what could be made of a
/// body that was not one.
public struct KubeStatus: Sendable, Hashable {
    /// The HTTP status code.
    public var code: Int
    /// A CamelCase reason (`Forbidden`, `NotFound`, `Expired`), empty when absent.
    public var reason: String
    /// The server's human-readable message.
    public var message: String

    public init(code: Int, reason: String = "", message: String = "") {
        self.code = code
        self.reason = reason
        self.message = message
    }

    /// The status in `body`, falling back to its first line of text when it is
    /// not a Status object (proxies and aggregated servers answer in plain text).
    static func parse(code: Int, body: [UInt8]) -> KubeStatus {
        if let value = try? JSONReader.decode(bytes: body, file: "<status>"),
           value["kind"]?.stringValue == "Status" {
            return KubeStatus(code: value["code"]?.intValue ?? code,
                              reason: value["reason"]?.stringValue ?? "",
                              message: value["message"]?.stringValue ?? "")
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return KubeStatus(code: code, message: firstLine.trimmingCharacters(in: .whitespaces))
    }
}
