import PalisadeCore

extension StringBuiltins {
    /// `sprintf(format, values)`: Go's fmt.Sprintf over OPA's conversion of
    /// the values (see `GoFormatArgument`).
    static var sprintf: Builtin {
        Builtin("sprintf", arity: 2) { args, _ in
            let format = try args.string(0)
            let values = try args.array(1)
            do {
                return .string(try GoPrinter.sprintf(format, values.map(GoFormatArgument.init)))
            } catch is GoPrinter.OutputTooLarge {
                throw args.failure("output too large")
            }
        }
    }

    /// `format_int(number, base)`: the integer part of `number` in base 2, 8,
    /// 10 or 16.
    static var formatInt: Builtin {
        Builtin("format_int", arity: 2) { args, _ in
            let number = try args.number(0)
            let base = try args.number(1)
            guard case .int(let radix) = base.storage, [2, 8, 10, 16].contains(radix) else {
                throw BuiltinError(.type, "format_int: operand 2 must be one of {2, 8, 10, 16}")
            }
            let decimal = truncatedDecimal(number)
            let digits = GoIntegerText.digits(ofDecimal: decimal, base: radix)
            return .string((decimal.hasPrefix("-") && digits != "0" ? "-" : "") + digits)
        }
    }

    /// The integer part of a number, as decimal text.
    private static func truncatedDecimal(_ number: Number) -> String {
        switch number.storage {
        case .int, .big:
            return number.description
        case .float(let d, _):
            guard d.isFinite else { return "0" }
            let text = GoFloatFormat.cFormat(d.rounded(.towardZero), "%.0f")
            return text == "-0" ? "0" : text
        }
    }
}
