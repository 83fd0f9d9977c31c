import PalisadeCore

/// Docker image reference normalization as `distribution/reference`'s
/// `ParseNormalizedNamed(...).String()` does it (Kubescape's
/// `image.parse_normalized_name`): `nginx` → `docker.io/library/nginx`,
/// `index.docker.io/x/y:1` → `docker.io/x/y:1`. No default tag is added.
enum KubescapeImageName {
    static let maxNameLength = 255

    static func normalize(_ image: String) throws -> String {
        if isHex64(image) {
            throw KubescapeError("invalid repository name (\(image)), cannot specify 64-byte hexadecimal strings")
        }
        var (domain, remainder) = splitDomain(image)
        if domain == "index.docker.io" { domain = "docker.io" }
        if domain == "docker.io", !remainder.contains("/") { remainder = "library/" + remainder }
        let repository = remainder.prefix { $0 != ":" }
        if repository.lowercased() != repository {
            throw KubescapeError("invalid reference format: repository name (\(repository)) must be lowercase")
        }
        return try parse(domain + "/" + remainder)
    }

    /// `splitDockerDomain`: the first component is a registry when it has a
    /// dot, a colon or uppercase letters, or is `localhost`.
    private static func splitDomain(_ name: String) -> (String, String) {
        guard let slash = name.firstIndex(of: "/") else { return ("docker.io", name) }
        let first = String(name[..<slash])
        let isRegistry = first.contains(".") || first.contains(":") || first == "localhost" || first.lowercased() != first
        return isRegistry ? (first, String(name[name.index(after: slash)...])) : ("docker.io", name)
    }

    /// Checks the whole reference against the reference grammar and returns
    /// name[:tag][@digest].
    private static func parse(_ reference: String) throws -> String {
        guard let match = referencePattern.firstMatch(in: reference), match.count == 4, let nameRange = match[1] else {
            throw KubescapeError("invalid reference format")
        }
        let name = String(reference[nameRange])
        guard name.count <= maxNameLength else {
            throw KubescapeError("repository name must not be more than \(maxNameLength) characters")
        }
        var result = name
        if let tag = match[2] { result += ":" + reference[tag] }
        if let digestRange = match[3] {
            let digest = String(reference[digestRange])
            try validate(digest: digest)
            result += "@" + digest
        }
        return result
    }

    /// `go-digest` validation of the algorithms it knows.
    private static func validate(digest: String) throws {
        let parts = digest.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw KubescapeError("invalid checksum digest format") }
        let lengths = ["sha256": 64, "sha384": 96, "sha512": 128]
        guard let length = lengths[parts[0]] else { throw KubescapeError("unsupported digest algorithm") }
        guard parts[1].count == length else { throw KubescapeError("invalid checksum digest length") }
        guard parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw KubescapeError("invalid checksum digest format")
        }
    }

    private static func isHex64(_ text: String) -> Bool {
        text.utf8.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static let domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
    private static let domain = "(?:\(domainComponent)(?:\\.\(domainComponent))*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?"
    private static let pathComponent = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*"
    private static let name = "(?:\(domain)/)?\(pathComponent)(?:/\(pathComponent))*"
    private static let tag = "[\\w][\\w.-]{0,127}"
    private static let digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}"
    // The pattern is a constant, so compiling it cannot fail at run time.
    private static let referencePattern: RE2Regex = {
        do { return try RE2Regex("^(\(name))(?::(\(tag)))?(?:@(\(digest)))?$") } catch { fatalError("bad pattern: \(error)") }
    }()
}
