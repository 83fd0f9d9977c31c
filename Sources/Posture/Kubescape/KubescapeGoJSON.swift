import PalisadeCore

/// Values as they look after Kubescape's Go code has passed them through
/// `encoding/json` with `interface{}` targets: every number is a float64
/// (printed in Go's shortest form), sets are arrays, object keys are strings.
enum KubescapeGoJSON {
    static let maxDepth = 1_000

    /// The value after a Go JSON round trip.
    static func roundTrip(_ value: Value, depth: Int = 0) throws -> Value {
        guard depth < maxDepth else { throw KubescapeError("value nested deeper than \(maxDepth) levels") }
        switch value {
        case .null, .bool, .string: return value
        case .number(let n): return .number(float64(n))
        case .array(let items): return .array(try items.map { try roundTrip($0, depth: depth + 1) })
        case .set(let items): return .array(try items.sorted().map { try roundTrip($0, depth: depth + 1) })
        case .object(let fields):
            var out: [Value: Value] = [:]
            for (key, field) in fields {
                out[.string(keyText(key))] = try roundTrip(field, depth: depth + 1)
            }
            return .object(out)
        }
    }

    /// A number as Go's float64 holds it, re-read from Go's JSON text.
    static func float64(_ number: Number) -> Number {
        let text = Number.format(number.doubleValue)
        return Number(literal: text) ?? number
    }

    /// An object key as JSON text: strings as they are, other keys as JSON.
    static func keyText(_ key: Value) -> String {
        if case .string(let s) = key { return s }
        return JSONWriter.string(key)
    }
}
