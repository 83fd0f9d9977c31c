import BigInt
import PalisadeCore

extension Number {
    /// The integer this number denotes, `4.0` and `1e3` included.
    var collectionsInteger: BigInt? {
        switch storage {
        case .int(let i): return BigInt(i)
        case .big(let b): return b
        case .float(let d, let literal):
            if let literal { return CollectionsDecimal(literal)?.integer }
            guard d.isFinite, d.rounded(.towardZero) == d else { return nil }
            return BigInt(d)
        }
    }

    /// An integer in the int32 window, where OPA computes on machine ints.
    var collectionsSmallInt: Int? {
        guard case .int(let i) = storage, i >= -(1 << 31), i < (1 << 31) else { return nil }
        return i
    }
}

/// Non-integer arithmetic as OPA does it: on `big.Float` values read from the
/// numbers' text, falling back to doubles for values too large to expand.
enum CollectionsFloatMath {

    static func apply(_ a: Number, _ b: Number,
                      _ operation: (CollectionsBigFloat, CollectionsBigFloat) -> CollectionsBigFloat?,
                      fallback: (Double, Double) -> Double) -> Number? {
        if let x = CollectionsBigFloat(a), let y = CollectionsBigFloat(b) {
            return operation(x, y)?.number
        }
        let result = fallback(a.doubleValue, b.doubleValue)
        return result.isFinite ? Number.fromDouble(result) : nil
    }
}

extension BuiltinArgs {
    /// An integer operand of any size, with OPA's `BigIntOperand` messages.
    func collectionsBigInt(_ i: Int) throws -> BigInt {
        guard case .number(let n) = values[i] else { throw typeError(i, expected: "integer") }
        guard let value = n.collectionsInteger else {
            throw BuiltinError(.type, "\(name): operand \(i + 1) must be integer number but got floating-point number")
        }
        return value
    }

    /// A non-negative machine integer operand (OPA's `UIntOperand`).
    func collectionsUnsignedInt(_ i: Int) throws -> Int {
        let value = try int(i)
        guard value >= 0 else {
            throw BuiltinError(.type, "\(name): operand \(i + 1) must be unsigned integer number but got negative integer")
        }
        return value
    }

    /// `name: operand N must be ARRAY of ELEMENTs but got ARRAY containing TYPE`.
    func collectionsElementError(_ i: Int, element: Value, expected: String) -> BuiltinError {
        let container = values[i].typeName
        return BuiltinError(.type, "\(name): operand \(i + 1) must be \(container) of \(expected)s but got \(container) containing \(element.typeName)")
    }
}
