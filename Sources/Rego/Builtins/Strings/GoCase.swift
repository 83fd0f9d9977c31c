/// Go's `strings.ToLower`/`ToUpper`: per code point, simple (one-to-one)
/// case mappings. Swift's `lowercased()` applies full mappings (`ß` → `SS`),
/// which Go does not.
enum GoCase {
    static func lower(_ s: String) -> String {
        map(s) { scalar in
            if let single = singleScalar(scalar.properties.lowercaseMapping) { return single }
            return scalar == "\u{130}" ? "i" : scalar
        }
    }

    static func upper(_ s: String) -> String {
        map(s) { scalar in
            singleScalar(scalar.properties.uppercaseMapping)
                ?? singleScalar(scalar.properties.titlecaseMapping)
                ?? scalar
        }
    }

    private static func map(_ s: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var view = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            view.append(transform(scalar))
        }
        return String(view)
    }

    private static func singleScalar(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard scalars.count == 1 else { return nil }
        return scalars.first
    }
}
