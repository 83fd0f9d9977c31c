import Kube
import PalisadeCore

/// Exceptions an object declares on itself:
/// `palisade.io/exempt: "PAL-001,PAL-017"`, `palisade.io/exempt-reason`, `palisade.io/exempt-until`.
public enum ExceptionAnnotations {
    public static let exempt = "palisade.io/exempt"
    public static let reason = "palisade.io/exempt-reason"
    public static let until = "palisade.io/exempt-until"

    /// The object's exceptions (one per listed control id), and a problem
    /// text when the annotation is malformed (e.g. an unreadable date).
    public static func exceptions(of object: KubeObject) -> (exceptions: [ScanException], problem: String?) {
        let annotations = object.annotations
        guard let list = annotations[exempt] else { return ([], nil) }
        let ids = list.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        let justification = annotations[reason]?.trimmingSpaces ?? ""
        var validUntil: Timestamp?
        var expiresText: String?
        var problem: String?
        if let text = annotations[until]?.trimmingSpaces, !text.isEmpty {
            expiresText = text
            validUntil = ScanException.validUntil(parsing: text)
            if validUntil == nil {
                problem = "\(until) '\(text)' is not a date (YYYY-MM-DD) or RFC 3339 time; the exemption is ignored"
                return ([], where_(object, problem))
            }
        }
        let exceptions = ids.map { id in
            ScanException(control: GlobPattern(id),
                          justification: justification.isEmpty ? "exempted by annotation \(exempt)" : justification,
                          expiresText: expiresText, validUntil: validUntil, origin: .annotation(object.ref))
        }
        return (exceptions, problem)
    }

    private static func where_(_ object: KubeObject, _ problem: String?) -> String? {
        guard let problem else { return nil }
        guard let location = object.location else { return "\(object.ref): \(problem)" }
        return "\(location.file):\(location.line): \(object.ref): \(problem)"
    }
}
