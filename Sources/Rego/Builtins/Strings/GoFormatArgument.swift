import PalisadeCore

/// A Go value passed to `fmt.Sprintf`, as OPA's sprintf converts Rego
/// operands: integers that fit 64 bits become `int`, larger integers
/// `*big.Int`, other numbers `float64`, strings `string`, and every other
/// value the string of its Rego syntax.
enum GoFormatArgument {
    case int(Int)
    /// Decimal text, optionally negative.
    case bigInt(String)
    case float(Double)
    case string(String)

    init(_ value: Value) {
        switch value {
        case .string(let s): self = .string(s)
        case .number(let n): self = GoFormatArgument(number: n)
        default: self = .string(RegoValueText.string(value))
        }
    }

    init(number n: Number) {
        switch n.storage {
        case .int(let i): self = .int(i)
        case .big: self = .bigInt(n.description)
        case .float(let d, _):
            if !d.isFinite {
                self = .string(n.description)
            } else if d == d.rounded(.towardZero) && d.magnitude >= 9.2e18 {
                self = .bigInt(GoFloatFormat.cFormat(d, "%.0f"))
            } else {
                self = .float(d)
            }
        }
    }

    /// The Go type name `fmt` prints in `%!verb(type=value)`.
    var typeName: String {
        switch self {
        case .int: return "int"
        case .bigInt: return "*big.Int"
        case .float: return "float64"
        case .string: return "string"
        }
    }
}
