import BigInt
import PalisadeCore

/// The infix arithmetic operators: `+ - * / %` (`plus`, `minus`, `mul`,
/// `div`, `rem`). Integers are exact at any size; other numbers follow OPA's
/// big-float arithmetic. `minus` is also set difference.
enum CollectionsArithmetic {
    static var builtins: [Builtin] { [plus, minus, multiply, divide, remainder] }

    /// Exact products wider than this are refused: printing them would take
    /// far longer than any policy can wait.
    static let maxIntegerBits = 1 << 16

    static let plus = Builtin("plus", arity: 2) { args, _ in
        try sum(args.number(0), args.number(1)).map(Value.number)
    }

    static let multiply = Builtin("mul", arity: 2) { args, _ in
        try product(args.number(0), args.number(1), args).map(Value.number)
    }

    static let divide = Builtin("div", arity: 2) { args, _ in
        try quotient(args.number(0), args.number(1), args).map(Value.number)
    }

    static let remainder = Builtin("rem", arity: 2) { args, _ in
        .number(try modulo(args.number(0), args.number(1), args))
    }

    static let minus = Builtin("minus", arity: 2) { args, _ in
        switch (args[0], args[1]) {
        case (.number(let a), .number(let b)):
            return difference(a, b).map(Value.number)
        case (.set(let a), .set(let b)):
            return .set(a.subtracting(b))
        case (.number, _):
            throw args.typeError(1, expected: "number")
        case (.set, .number):
            throw args.typeError(1, expected: "set")
        case (.set, _):
            throw args.typeError(1, expected: "number")
        default:
            throw args.typeError(0, expected: "one of {number, set}")
        }
    }

    static func sum(_ a: Number, _ b: Number) -> Number? {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.addingReportingOverflow(y)
            if !overflow { return Number(r) }
        }
        if let x = a.collectionsInteger, let y = b.collectionsInteger { return Number(x + y) }
        return CollectionsFloatMath.apply(a, b, { $0.adding($1, precision: 64) }, fallback: +)
    }

    static func difference(_ a: Number, _ b: Number) -> Number? {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return Number(r) }
        }
        if let x = a.collectionsInteger, let y = b.collectionsInteger { return Number(x - y) }
        return CollectionsFloatMath.apply(a, b, { $0.subtracting($1, precision: 64) }, fallback: -)
    }

    static func product(_ a: Number, _ b: Number, _ args: BuiltinArgs) throws -> Number? {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return Number(r) }
        }
        if let x = a.collectionsInteger, let y = b.collectionsInteger {
            return Number(try exactProduct(x, y, args))
        }
        return CollectionsFloatMath.apply(a, b, { $0.multiplied(by: $1, precision: 64) }, fallback: *)
    }

    static func exactProduct(_ x: BigInt, _ y: BigInt, _ args: BuiltinArgs) throws -> BigInt {
        guard x.magnitude.bitWidth + y.magnitude.bitWidth <= maxIntegerBits else {
            throw args.failure("integer result too large")
        }
        return x * y
    }

    /// Exact only for machine ints that divide evenly; otherwise a float
    /// quotient, as in OPA (so `1 / 4` is `0.25` and `1 / 3` has 20 digits).
    static func quotient(_ a: Number, _ b: Number, _ args: BuiltinArgs) throws -> Number? {
        if let x = a.collectionsSmallInt, let y = b.collectionsSmallInt, y != 0, x != 0, x % y == 0 {
            return Number(x / y)
        }
        guard !b.isZero else { throw args.failure("divide by zero") }
        return CollectionsFloatMath.apply(a, b, { $0.divided(by: $1, precision: 64) }, fallback: /)
    }

    /// Integer remainder with the sign of the dividend (Go's `%`).
    static func modulo(_ a: Number, _ b: Number, _ args: BuiltinArgs) throws -> Number {
        if case .int(let x) = a.storage, case .int(let y) = b.storage, y != 0, !(x == .min && y == -1) {
            return Number(x % y)
        }
        guard let x = a.collectionsInteger, let y = b.collectionsInteger else {
            throw args.failure("modulo on floating-point number")
        }
        guard !y.isZero else { throw args.failure("modulo by zero") }
        return Number(x % y)
    }
}
