import XCTest
import PalisadeCore
@testable import Rego

final class StringsTypesAndCastsTests: XCTestCase {
    func testTypePredicates() {
        let samples: [(Value, String)] = [
            (.null, "null"), (.true, "boolean"), (n(1), "number"), (s("x"), "string"),
            (arr(n(1)), "array"), (.set([n(1)]), "set"), (.object([s("foo"): n(1)]), "object"),
        ]
        for (value, type) in samples {
            assertCall("type_name", [value], s(type))
            for other in ["null", "boolean", "number", "string", "array", "set", "object"] {
                assertCall("is_\(other)", [value], .bool(other == type))
            }
        }
    }

    func testToNumber() {
        assertCall("to_number", [s("-42.0")], n(-42))
        assertCall("to_number", [.false], n(0))
        assertCall("to_number", [.true], n(1))
        assertCall("to_number", [.null], n(0))
        assertCall("to_number", [num("100.1")], num("100.1"))
        assertCall("to_number", [s("3")], n(3))
        assertCall("to_number", [s("+5")], n(5))
        assertCall("to_number", [s(".5")], num("0.5"))
        assertCall("to_number", [s("1_000")], n(1000))
        assertCall("to_number", [s("0x1p-2")], num("0.25"))
        assertCall("to_number", [s("123456789012345678901234567890")], num("123456789012345678901234567890"))
        assertFails("to_number", [s("broken")], .builtin, "to_number: strconv.ParseFloat: parsing \"broken\": invalid syntax")
        assertFails("to_number", [s("1e400")], .builtin, "to_number: strconv.ParseFloat: parsing \"1e400\": value out of range")
        for word in ["nan", "inf", "-inf", "Infinity", "-Infinity", "-nan", "-NaN", "iNf"] {
            assertFails("to_number", [s(word)], .type, "to_number: operand 1 must be valid number string but got string")
        }
        assertFails("to_number", [arr()], .type, "to_number: operand 1 must be one of {null, boolean, number, string} but got array")
        assertFails("to_number", [s("0x10")], .builtin, "to_number: strconv.ParseFloat: parsing \"0x10\": invalid syntax")
        assertFails("to_number", [s("1__0")], .builtin, "to_number: strconv.ParseFloat: parsing \"1__0\": invalid syntax")
        assertFails("to_number", [s(" 1")], .builtin, "to_number: strconv.ParseFloat: parsing \" 1\": invalid syntax")
    }

    func testCasts() {
        assertCall("cast_array", [.set([n(2), n(1)])], arr(n(1), n(2)))
        assertCall("cast_array", [arr(n(2), n(1))], arr(n(2), n(1)))
        assertCall("cast_set", [arr(n(1), n(1))], .set([n(1)]))
        assertCall("cast_string", [s("a")], s("a"))
        assertCall("cast_boolean", [.true], .true)
        assertCall("cast_null", [.null], .null)
        assertCall("cast_object", [.emptyObject], .emptyObject)
        assertFails("cast_array", [n(1)], .type, "cast_array: operand 1 must be one of {array, set} but got number")
        assertFails("cast_string", [n(1)], .type, "cast_string: operand 1 must be string but got number")
        assertFails("cast_null", [.false], .type, "cast_null: operand 1 must be null but got boolean")
    }
}
