import XCTest
import PalisadeCore
@testable import Rego

final class StringsSearchTests: XCTestCase {
    func testContainsStartsEnds() {
        assertCall("contains", [s("abcdefgh"), s("defg")], .true)
        assertCall("contains", [s("abcdefgh"), s("ac")], .false)
        assertCall("contains", [s("e\u{301}"), s("e")], .true)
        assertCall("startswith", [s("abcdefgh"), s("abcd")], .true)
        assertCall("startswith", [s("abcdefgh"), s("bcd")], .false)
        assertCall("endswith", [s("abcdefgh"), s("fgh")], .true)
        assertCall("endswith", [s("abcdefgh"), s("fg")], .false)
        assertFails("contains", [n(1), s("a")], .type, "contains: operand 1 must be string but got number")
    }

    func testIndexOf() {
        assertCall("indexof", [s("abcdefgh"), s("cde")], n(2))
        assertCall("indexof", [s("abcabcabcdefgh"), s("cde")], n(8))
        assertCall("indexof", [s("abcdefgh"), s("xyz")], n(-1))
        assertCall("indexof", [s("μx"), s("x")], n(1))
        assertCall("indexof", [s("μ"), s("μμ")], n(-1))
        assertCall("indexof", [s("skön var våren"), s("vår")], n(9))
        assertCall("indexof", [s("🍧🍨🧁🍰🍮"), s("🍮")], n(4))
        assertFails("indexof", [s("abc"), s("")], .builtin, "indexof: empty search character")
    }

    func testIndexOfN() {
        assertCall("indexof_n", [s("dogcatdogcat"), s("cat")], arr(n(3), n(9)))
        assertCall("indexof_n", [s("dogcat"), s("rabbit")], arr())
        assertCall("indexof_n", [s("😇😀😇😀😇😀"), s("😀")], arr(n(1), n(3), n(5)))
        assertCall("indexof_n", [s("aaa"), s("aa")], arr(n(0), n(1)))
    }

    func testCount() {
        assertCall("strings.count", [s("cheese"), s("e")], n(3))
        assertCall("strings.count", [s("hello hello hello world"), s("hello")], n(3))
        assertCall("strings.count", [s("dummy"), s("")], n(6))
        assertCall("strings.count", [s(""), s("")], n(1))
        assertCall("strings.count", [s(""), s("x")], n(0))
        assertCall("strings.count", [s("11111"), s("11")], n(2))
    }

    func testAnyPrefixAndSuffixMatch() {
        let strings = arr(s("a/b/c"), s("a/b/d"), s("e/f/g"))
        assertCall("strings.any_prefix_match", [strings, arr(s("a/"), s("d/"))], .true)
        assertCall("strings.any_prefix_match", [strings, arr(s("f/"), s("d/"))], .false)
        assertCall("strings.any_prefix_match", [s("a/b/c"), .set([s("a/")])], .true)
        assertCall("strings.any_prefix_match", [arr(), arr()], .false)
        assertCall("strings.any_suffix_match", [strings, arr(s("/c"), s("/a"))], .true)
        assertCall("strings.any_suffix_match", [strings, s("/h")], .false)
        assertFails("strings.any_prefix_match", [arr(n(1)), arr(s("f/"))], .type,
                    "strings.any_prefix_match: operand 1 must be array of strings but got array containing number")
        assertFails("strings.any_prefix_match", [n(1), arr(s("f/"))], .type,
                    "strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number")
        assertFails("strings.any_suffix_match", [strings, .set([n(1)])], .type,
                    "strings.any_suffix_match: operand 2 must be set of strings but got set containing number")
        assertFails("strings.any_suffix_match", [strings, n(1)], .type,
                    "strings.any_suffix_match: operand 2 must be one of {string, set, array} but got number")
    }
}
