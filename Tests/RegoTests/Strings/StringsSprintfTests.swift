import XCTest
import PalisadeCore
@testable import Rego

final class StringsSprintfTests: XCTestCase {
    func testConformanceCases() {
        XCTAssertEqual(sprintf("hi"), "hi")
        XCTAssertEqual(sprintf("hi %s", s("there")), "hi there")
        XCTAssertEqual(sprintf("hi %02d", n(5)), "hi 05")
        XCTAssertEqual(sprintf("hi %02X.%02X", n(127), n(1)), "hi 7F.01")
        XCTAssertEqual(sprintf("hi %.2f", num("3.1415")), "hi 3.14")
        XCTAssertEqual(sprintf("hi %s", .true), "hi true")
        XCTAssertEqual(sprintf("hi %v", arr(s("there"), n(5), num("3.14"))), "hi [\"there\", 5, 3.14]")
        XCTAssertEqual(sprintf("%s", num("123456789123456789123")), "123456789123456789123")
        XCTAssertEqual(sprintf("%s", num("1208925819614629174706175")), "1208925819614629174706175")
        XCTAssertEqual(sprintf("hi %v", .number(Number(Double.infinity, literal: "2e308"))), "hi 2e308")
    }

    func testRegoValuesAsOperands() {
        XCTAssertEqual(sprintf("%v", .set([n(2), n(1)])), "{1, 2}")
        XCTAssertEqual(sprintf("%v", .emptySet), "set()")
        XCTAssertEqual(sprintf("%v", .object([s("b"): n(1), s("a"): arr(.null)])), "{\"a\": [null], \"b\": 1}")
        XCTAssertEqual(sprintf("%v", .null), "null")
        XCTAssertEqual(sprintf("%d", .true), "%!d(string=true)")
        XCTAssertEqual(sprintf("%v", s("tab\there")), "tab\there")
        XCTAssertEqual(sprintf("%v", arr(s("tab\t\u{1}é"))), "[\"tab\\t\\x01é\"]")
    }

    func testIntegers() {
        XCTAssertEqual(sprintf("%d|%5d|%-5d|%05d|%+d", n(42), n(42), n(42), n(-42), n(42)), "42|   42|42   |-0042|+42")
        XCTAssertEqual(sprintf("%x %X %o %O %b", n(255), n(255), n(8), n(8), n(5)), "ff FF 10 0o10 101")
        XCTAssertEqual(sprintf("%#x %#o %#b", n(255), n(8), n(5)), "0xff 010 0b101")
        XCTAssertEqual(sprintf("%.3d|%.0d|%8.3d", n(7), n(0), n(-7)), "007||    -007")
        XCTAssertEqual(sprintf("%c%c %q %U %#U", n(72), n(105), n(65), n(0x1F600), n(65)), "Hi 'A' U+1F600 U+0041 'A'")
        XCTAssertEqual(sprintf("%s", n(5)), "%!s(int=5)")
        XCTAssertEqual(sprintf("%x", num("-123456789123456789123")), "-6b14e9f9b0df36a83")
        XCTAssertEqual(sprintf("%d", n(Int.min)), "-9223372036854775808")
    }

    func testFloats() {
        XCTAssertEqual(sprintf("%f|%.1f|%8.3f|%-8.2f|", num("3.14159"), num("2.25"), num("3.14159"), num("1.5")), "3.141590|2.2|   3.142|1.50    |")
        XCTAssertEqual(sprintf("%e|%E|%.2e", num("123456.789"), num("0.000123"), num("1.5")), "1.234568e+05|1.230000E-04|1.50e+00")
        XCTAssertEqual(sprintf("%g|%g|%g|%g", num("3.14"), num("1234567.5"), num("0.00001"), num("100000.5")), "3.14|1.2345675e+06|1e-05|100000.5")
        XCTAssertEqual(sprintf("%v", num("0.1")), "0.1")
        XCTAssertEqual(sprintf("%.3g|%.10g|%G", num("3.14159"), num("0.5"), num("1e-10")), "3.14|0.5|1E-10")
        XCTAssertEqual(sprintf("%08.3f|%+.2f|% .2f", num("-3.14159"), num("1.5"), num("1.5")), "-003.142|+1.50| 1.50")
        XCTAssertEqual(sprintf("%d", num("1.5")), "%!d(float64=1.5)")
        XCTAssertEqual(sprintf("%x", num("1.5")), "0x1.8p+00")
        XCTAssertEqual(sprintf("%b", num("0.5")), "4503599627370496p-53")
        XCTAssertEqual(sprintf("%.0f|%.0f|%.0f", num("0.5"), num("1.5"), num("2.5")), "0|2|2")
        XCTAssertEqual(sprintf("%#g", num("1.5")), "1.50000")
    }

    func testStrings() {
        XCTAssertEqual(sprintf("%5s|%-5s|%.2s|%q", s("ab"), s("ab"), s("abc"), s("a\"b")), "   ab|ab   |ab|\"a\\\"b\"")
        XCTAssertEqual(sprintf("%x|% x|%#X", s("hi"), s("hi"), s("hi")), "6869|68 69|0X6869")
        XCTAssertEqual(sprintf("%#q|%+q", s("a"), s("é")), "`a`|\"\\u00e9\"")
        XCTAssertEqual(sprintf("%3s|", s("åä")), " åä|")
        XCTAssertEqual(sprintf("%T %T %T", s("a"), n(1), num("1.5")), "string int float64")
    }

    func testGoErrorTexts() {
        XCTAssertEqual(sprintf("%d %d", n(1)), "1 %!d(MISSING)")
        XCTAssertEqual(sprintf("%d", n(1), s("x")), "1%!(EXTRA string=x)")
        XCTAssertEqual(sprintf("x", n(1), n(2)), "x%!(EXTRA int=1, int=2)")
        XCTAssertEqual(sprintf("%!", n(1)), "%!!(int=1)")
        XCTAssertEqual(sprintf("100%%"), "100%")
        XCTAssertEqual(sprintf("%", n(1)), "%!(NOVERB)%!(EXTRA int=1)")
        XCTAssertEqual(sprintf("%[2]d %[1]d", n(1), n(2)), "2 1")
        XCTAssertEqual(sprintf("%[3]d", n(1)), "%!d(BADINDEX)")
        XCTAssertEqual(sprintf("%*d|%-*d|", n(4), n(7), n(3), n(7)), "   7|7  |")
        XCTAssertEqual(sprintf("%*d", s("x"), n(7)), "%!(BADWIDTH)7")
        XCTAssertEqual(sprintf("%z", n(1)), "%!z(int=1)")
        XCTAssertEqual(sprintf("%*d", .int(Int.min), n(7)), "%!(BADWIDTH)7")
        XCTAssertNil(sprintf("%9999999d%9999999d", n(1), n(2)))
    }

    func testOperandErrors() {
        assertFails("sprintf", [n(1), arr()], .type, "sprintf: operand 1 must be string but got number")
        assertFails("sprintf", [s("%d"), .set([n(1)])], .type, "sprintf: operand 2 must be array but got set")
    }
}
