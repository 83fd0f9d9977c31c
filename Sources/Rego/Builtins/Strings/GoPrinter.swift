/// Go's `fmt.Sprintf` for the argument kinds OPA's sprintf produces: verbs,
/// flags, width, precision, `*` and `[n]` argument indexes, and Go's error
/// texts (`%!d(string=x)`, `%!v(MISSING)`, `%!(EXTRA int=1)`, ...).
struct GoPrinter {
    struct OutputTooLarge: Error {}

    /// Largest output, in bytes, before formatting gives up.
    let limit: Int
    var buf: [UInt8] = []
    var flags = GoFormatFlags()
    private var reordered = false
    private var goodArgNum = true

    init(limit: Int = 16 << 20) {
        self.limit = limit
    }

    static func sprintf(_ format: String, _ args: [GoFormatArgument]) throws -> String {
        var printer = GoPrinter()
        try printer.run(Array(format.utf8), args)
        return String(decoding: printer.buf, as: UTF8.self)
    }

    private mutating func run(_ format: [UInt8], _ args: [GoFormatArgument]) throws {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var i = 0
        formatLoop: while i < end {
            goodArgNum = true
            let textStart = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > textStart { buf.append(contentsOf: format[textStart..<i]) }
            if i >= end { break }
            i += 1
            flags = GoFormatFlags()
            flagLoop: while i < end {
                let c = format[i]
                switch c {
                case UInt8(ascii: "#"): flags.sharp = true
                case UInt8(ascii: "0"): flags.zero = !flags.minus
                case UInt8(ascii: "+"): flags.plus = true
                case UInt8(ascii: "-"): flags.minus = true; flags.zero = false
                case UInt8(ascii: " "): flags.space = true
                default:
                    if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") && argNum < args.count {
                        if c == UInt8(ascii: "v") { flags.moveToV() }
                        try printArg(args[argNum], verb: Unicode.Scalar(c))
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break flagLoop
                }
                i += 1
            }

            (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count)

            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                (flags.width, argNum) = intFromArg(args, argNum)
                if flags.width == nil { buf.append(contentsOf: "%!(BADWIDTH)".utf8) }
                if let w = flags.width, w < 0 {
                    flags.width = -w
                    flags.minus = true
                    flags.zero = false
                }
                afterIndex = false
            } else {
                (flags.width, i) = parseNumber(format, i, end)
                if afterIndex && flags.width != nil { goodArgNum = false }
            }

            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    (flags.precision, argNum) = intFromArg(args, argNum)
                    if let p = flags.precision, p < 0 { flags.precision = nil }
                    if flags.precision == nil { buf.append(contentsOf: "%!(BADPREC)".utf8) }
                    afterIndex = false
                } else {
                    (flags.precision, i) = parseNumber(format, i, end)
                    if flags.precision == nil { flags.precision = 0 }
                }
            }

            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, format, i, args.count) }

            if i >= end {
                buf.append(contentsOf: "%!(NOVERB)".utf8)
                break
            }
            let (verb, size) = decodeScalar(format, at: i)
            i += size
            switch verb {
            case "%":
                buf.append(UInt8(ascii: "%"))
            case _ where !goodArgNum:
                writeError(verb, "BADINDEX")
            case _ where argNum >= args.count:
                writeError(verb, "MISSING")
            default:
                if verb == "v" { flags.moveToV() }
                try printArg(args[argNum], verb: verb)
                argNum += 1
            }
        }

        if !reordered && argNum < args.count {
            flags = GoFormatFlags()
            buf.append(contentsOf: "%!(EXTRA ".utf8)
            for (k, arg) in args[argNum...].enumerated() {
                if k > 0 { buf.append(contentsOf: ", ".utf8) }
                buf.append(contentsOf: arg.typeName.utf8)
                buf.append(UInt8(ascii: "="))
                try printArg(arg, verb: "v")
            }
            buf.append(UInt8(ascii: ")"))
        }
    }

    private mutating func writeError(_ verb: Unicode.Scalar, _ what: String) {
        buf.append(contentsOf: "%!".utf8)
        append(verb)
        buf.append(contentsOf: "(\(what))".utf8)
    }

    // MARK: Format-string parsing

    /// Go's `parsenum`: nil when there are no digits; absurdly large numbers
    /// consume the rest of the format.
    private func parseNumber(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int?, Int) {
        var num = 0
        var found = false
        var i = start
        while i < end && s[i] >= 48 && s[i] <= 57 {
            if num > 1_000_000 { return (nil, end) }
            num = num * 10 + Int(s[i] - 48)
            found = true
            i += 1
        }
        return (found ? num : nil, i)
    }

    /// Go's `argNumber`: an explicit `[n]` argument index.
    private mutating func argNumber(_ argNum: Int, _ s: [UInt8], _ i: Int, _ numArgs: Int) -> (Int, Int, Bool) {
        guard i < s.count, s[i] == UInt8(ascii: "[") else { return (argNum, i, false) }
        reordered = true
        var index = 0, width = 1, ok = false
        if s.count - i >= 3, let close = s[(i + 1)...].firstIndex(of: UInt8(ascii: "]")) {
            let (n, next) = parseNumber(s, i + 1, close)
            width = close - i + 1
            if let n, next == close {
                index = n - 1
                ok = true
            }
        }
        if ok && index >= 0 && index < numArgs { return (index, i + width, true) }
        goodArgNum = false
        return (argNum, i + width, ok)
    }

    private func intFromArg(_ args: [GoFormatArgument], _ argNum: Int) -> (Int?, Int) {
        guard argNum < args.count else { return (nil, argNum) }
        guard case .int(let n) = args[argNum], n >= -1_000_000 && n <= 1_000_000 else { return (nil, argNum + 1) }
        return (n, argNum + 1)
    }

    private func decodeScalar(_ s: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
        let length = min(StringsUTF8.sequenceLength(s[i]), s.count - i)
        let text = String(decoding: s[i..<(i + length)], as: UTF8.self)
        return (text.unicodeScalars.first ?? "\u{FFFD}", length)
    }

    // MARK: Arguments

    mutating func printArg(_ arg: GoFormatArgument, verb: Unicode.Scalar) throws {
        switch verb {
        case "T":
            formatString(arg.typeName)
        case "p", "w":
            badVerb(arg, verb)
        default:
            switch arg {
            case .int(let i): formatInteger(i, verb: verb, arg: arg)
            case .bigInt(let text): formatBigInt(text, verb: verb)
            case .float(let d): formatFloat(d, verb: verb, arg: arg)
            case .string(let s): formatString(s, verb: verb, arg: arg)
            }
        }
        if buf.count > limit { throw OutputTooLarge() }
    }

    mutating func badVerb(_ arg: GoFormatArgument, _ verb: Unicode.Scalar) {
        buf.append(contentsOf: "%!".utf8)
        append(verb)
        buf.append(UInt8(ascii: "("))
        buf.append(contentsOf: arg.typeName.utf8)
        buf.append(UInt8(ascii: "="))
        switch arg {
        case .int(let i): formatInteger(i, verb: "v", arg: arg)
        case .bigInt(let text): formatBigInt(text, verb: "v")
        case .float(let d): formatFloat(d, verb: "v", arg: arg)
        case .string(let s): formatString(s)
        }
        buf.append(UInt8(ascii: ")"))
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        buf.append(contentsOf: String(scalar).utf8)
    }

    // MARK: Padding

    private mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        buf.append(contentsOf: [UInt8](repeating: flags.zero ? UInt8(ascii: "0") : UInt8(ascii: " "), count: n))
    }

    /// Go's `fmt.pad`: width counts code points.
    mutating func pad(_ bytes: [UInt8]) {
        guard let width = flags.width, width > 0 else {
            buf.append(contentsOf: bytes)
            return
        }
        let padding = width - bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        if flags.minus {
            buf.append(contentsOf: bytes)
            writePadding(padding)
        } else {
            writePadding(padding)
            buf.append(contentsOf: bytes)
        }
    }

    mutating func pad(_ s: String) { pad(Array(s.utf8)) }

    /// Pads without zero-filling (Go clears the zero flag for these).
    mutating func padWithSpaces(_ s: String) {
        let zero = flags.zero
        flags.zero = false
        pad(s)
        flags.zero = zero
    }
}

/// The flags of one verb.
struct GoFormatFlags {
    var sharp = false
    var zero = false
    var plus = false
    var minus = false
    var space = false
    var sharpV = false
    var plusV = false
    var width: Int?
    var precision: Int?

    /// For %v, `#` and `+` select Go syntax and field names instead.
    mutating func moveToV() {
        sharpV = sharp
        sharp = false
        plusV = plus
        plus = false
    }
}
