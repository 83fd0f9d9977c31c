import BigInt
import Foundation

/// An exact JSON/Rego number.
///
/// Integers are exact at any size (a machine `Int` when it fits, a `BigInt`
/// otherwise). Non-integers are doubles that remember the literal they were
/// parsed from, so `0.10000000000000000001` survives a decode/encode round trip.
/// `1` and `1.0` are the same number: they compare equal and hash alike.
public struct Number: Sendable {
    public enum Storage: Sendable {
        case int(Int)
        case big(BigInt)
        case float(Double, literal: String?)
    }

    public private(set) var storage: Storage

    public init(_ value: Int) { storage = .int(value) }

    public init(_ value: BigInt) {
        if let small = Int(exactly: value) { storage = .int(small) } else { storage = .big(value) }
    }

    public init(_ value: Double, literal: String? = nil) {
        storage = .float(value, literal: literal)
    }

    /// Parses a JSON number literal exactly. Returns nil if `text` is not one.
    public init?(literal text: String) {
        guard Number.isJSONNumber(text) else { return nil }
        let isInteger = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        if isInteger {
            if let small = Int(text) { self.init(small); return }
            guard let big = BigInt(text) else { return nil }
            self.init(big)
            return
        }
        guard let double = Double(text) else { return nil }
        // `1.0` and `1e3` are the integers 1 and 1000; larger exponent
        // literals such as `2e308` keep their text.
        if let exact = Number.exactInteger(fromDecimal: text), let small = Int(exactly: exact) {
            self.init(small)
            return
        }
        self.init(double, literal: text)
    }

    // MARK: Views

    public var isInteger: Bool {
        switch storage {
        case .int, .big: return true
        case .float(let d, _): return d.isFinite && d.rounded(.towardZero) == d
        }
    }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        switch storage {
        case .int(let i): return i
        case .big: return nil
        case .float(let d, _):
            guard d.isFinite, d.rounded(.towardZero) == d, abs(d) < 9.2e18 else { return nil }
            return Int(d)
        }
    }

    /// The value as a `BigInt` when it is an integer.
    public var bigIntValue: BigInt? {
        switch storage {
        case .int(let i): return BigInt(i)
        case .big(let b): return b
        case .float(let d, _):
            guard d.isFinite, d.rounded(.towardZero) == d else { return nil }
            return BigInt(d)
        }
    }

    public var doubleValue: Double {
        switch storage {
        case .int(let i): return Double(i)
        case .big(let b): return Double(b)
        case .float(let d, _): return d
        }
    }

    // MARK: Text

    /// The JSON text of the number: integers in full, floats as their literal
    /// when they have one, otherwise in Go's shortest round-trip form.
    public var description: String {
        switch storage {
        case .int(let i): return String(i)
        case .big(let b): return String(b)
        case .float(let d, let literal):
            if let literal { return literal }
            return Number.format(d)
        }
    }

    /// Formats a double as Go's encoding/json does: plain decimal notation
    /// for magnitudes in [1e-6, 1e21), exponent notation outside, shortest
    /// digits that round-trip.
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return "0" }
        let magnitude = abs(d)
        let (digits, exponent) = shortestDigits(magnitude)
        let sign = d < 0 ? "-" : ""
        if magnitude < 1e-6 || magnitude >= 1e21 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = exponent - 1
            let expText = String(abs(e))
            return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (expText.count < 2 ? "0" + expText : expText)
        }
        // value = 0.DIGITS × 10^exponent
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count)
        }
        let i = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<i] + "." + digits[i...]
    }

    /// Shortest round-trip decimal digits of a positive double and the
    /// exponent e such that value = 0.DIGITS × 10^e.
    private static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = "\(d)"
        var mantissa = text
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = String(mantissa[..<dot])
            fracPart = String(mantissa[mantissa.index(after: dot)...])
        }
        var digits = intPart + fracPart
        var pointPosition = intPart.count + exp
        while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); pointPosition -= 1 }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }

    static func isJSONNumber(_ text: String) -> Bool {
        var it = Array(text.utf8)[...]
        if it.first == UInt8(ascii: "-") { it = it.dropFirst() }
        guard let first = it.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") { it = it.dropFirst() } else { it = it.drop(while: isDigit) }
        if it.first == UInt8(ascii: ".") {
            it = it.dropFirst()
            guard let d = it.first, isDigit(d) else { return false }
            it = it.drop(while: isDigit)
        }
        if let e = it.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            it = it.dropFirst()
            if let s = it.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { it = it.dropFirst() }
            guard let d = it.first, isDigit(d) else { return false }
            it = it.drop(while: isDigit)
        }
        return it.isEmpty
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `1.0`, `1e3`, `2.50e2` are integers; returns them exactly (bounded exponent).
    private static func exactInteger(fromDecimal text: String) -> BigInt? {
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            guard let exp = Int(text[text.index(after: e)...]), abs(exp) <= 400 else { return nil }
            exponent = exp
        }
        var digits = mantissa
        if let dot = mantissa.firstIndex(of: ".") {
            let fraction = mantissa[mantissa.index(after: dot)...]
            exponent -= fraction.count
            digits = String(mantissa[..<dot]) + fraction
        }
        guard var value = BigInt(digits) else { return nil }
        if exponent >= 0 {
            return value * BigInt(10).power(exponent)
        }
        let divisor = BigInt(10).power(-exponent)
        let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
        guard r == 0 else { return nil }
        value = q
        return value
    }
}

extension Number: Hashable, Comparable, CustomStringConvertible {
    public static func == (lhs: Number, rhs: Number) -> Bool { compare(lhs, rhs) == 0 }

    public static func < (lhs: Number, rhs: Number) -> Bool { compare(lhs, rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .int(let i): hasher.combine(i)
        case .big(let b): hasher.combine(b)
        case .float(let d, _):
            if let i = intValue { hasher.combine(i) } else if let b = bigIntValue { hasher.combine(b) } else { hasher.combine(d) }
        }
    }

    /// Three-way comparison by numeric value.
    public static func compare(_ a: Number, _ b: Number) -> Int {
        switch (a.storage, b.storage) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.float(let x, _), .float(let y, _)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            if let x = a.bigIntValue, let y = b.bigIntValue { return x < y ? -1 : (x == y ? 0 : 1) }
            let x = a.doubleValue, y = b.doubleValue
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}

// MARK: Arithmetic

extension Number {
    public static func + (a: Number, b: Number) -> Number {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.addingReportingOverflow(y)
            return overflow ? Number(BigInt(x) + BigInt(y)) : Number(r)
        }
        if let x = a.bigIntValue, let y = b.bigIntValue, a.isExactInteger, b.isExactInteger { return Number(x + y) }
        return Number.fromDouble(a.doubleValue + b.doubleValue)
    }

    public static func - (a: Number, b: Number) -> Number {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? Number(BigInt(x) - BigInt(y)) : Number(r)
        }
        if let x = a.bigIntValue, let y = b.bigIntValue, a.isExactInteger, b.isExactInteger { return Number(x - y) }
        return Number.fromDouble(a.doubleValue - b.doubleValue)
    }

    public static func * (a: Number, b: Number) -> Number {
        if case .int(let x) = a.storage, case .int(let y) = b.storage {
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            return overflow ? Number(BigInt(x) * BigInt(y)) : Number(r)
        }
        if let x = a.bigIntValue, let y = b.bigIntValue, a.isExactInteger, b.isExactInteger { return Number(x * y) }
        return Number.fromDouble(a.doubleValue * b.doubleValue)
    }

    /// Division; nil when dividing by zero.
    public static func divide(_ a: Number, _ b: Number) -> Number? {
        if b.isZero { return nil }
        if let x = a.bigIntValue, let y = b.bigIntValue, a.isExactInteger, b.isExactInteger {
            let (q, r) = x.quotientAndRemainder(dividingBy: y)
            if r == 0 { return Number(q) }
        }
        return Number.fromDouble(a.doubleValue / b.doubleValue)
    }

    /// Integer remainder (Go's `%` semantics: sign of the dividend); nil when
    /// either side is not an integer or the divisor is zero.
    public static func remainder(_ a: Number, _ b: Number) -> Number? {
        guard let x = a.bigIntValue, let y = b.bigIntValue, a.isInteger, b.isInteger, y != 0 else { return nil }
        if let xi = Int(exactly: x), let yi = Int(exactly: y), !(xi == Int.min && yi == -1) { return Number(xi % yi) }
        return Number(x % y)
    }

    public static prefix func - (a: Number) -> Number {
        switch a.storage {
        case .int(let i): return i == Int.min ? Number(-BigInt(i)) : Number(-i)
        case .big(let b): return Number(-b)
        case .float(let d, let literal):
            if let literal { return Number(-d, literal: literal.hasPrefix("-") ? String(literal.dropFirst()) : "-" + literal) }
            return Number(-d)
        }
    }

    public var isZero: Bool {
        switch storage {
        case .int(let i): return i == 0
        case .big(let b): return b == 0
        case .float(let d, _): return d == 0
        }
    }

    /// True for values stored as integers (not a float that happens to be integral
    /// beyond double precision).
    var isExactInteger: Bool {
        switch storage {
        case .int, .big: return true
        case .float(let d, _): return isInteger && abs(d) < 9.007_199_254_740_992e15
        }
    }

    /// A double result, stored as an exact integer when it is one.
    public static func fromDouble(_ d: Double) -> Number {
        if d.isFinite, d.rounded(.towardZero) == d, abs(d) < 9.2e18 { return Number(Int(d)) }
        return Number(d)
    }
}
