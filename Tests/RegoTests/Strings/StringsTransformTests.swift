import XCTest
import PalisadeCore
@testable import Rego

final class StringsTransformTests: XCTestCase {
    func testConcat() {
        assertCall("concat", [s("/"), arr(s(""), s("foo"), s("bar"), s("0"), s("baz"))], s("/foo/bar/0/baz"))
        assertCall("concat", [s(","), .set([s("3"), s("1"), s("2")])], s("1,2,3"))
        assertCall("concat", [s(","), arr()], s(""))
        assertFails("concat", [s(","), arr(s("a"), n(1))], .type, "concat: operand 2 must be array of strings but got array containing number")
        assertFails("concat", [s(","), n(1)], .type, "concat: operand 2 must be one of {set, array} but got number")
    }

    func testSplit() {
        assertCall("split", [s(""), s(".")], arr(s("")))
        assertCall("split", [s("test"), s("")], arr(s("t"), s("e"), s("s"), s("t")))
        assertCall("split", [s(""), s("")], arr())
        assertCall("split", [s("foo.bar.baz"), s(".")], arr(s("foo"), s("bar"), s("baz")))
        assertCall("split", [s("a..b"), s(".")], arr(s("a"), s(""), s("b")))
    }

    func testSubstring() {
        assertCall("substring", [s("abcdefgh"), n(2), n(3)], s("cde"))
        assertCall("substring", [s("åäö"), n(0), n(2)], s("åä"))
        assertCall("substring", [s("abcdefgh"), n(2), n(-1)], s("cdefgh"))
        assertCall("substring", [s("aåäö"), n(2), n(-1)], s("äö"))
        assertCall("substring", [s("abcdefgh"), n(2), n(10000)], s("cdefgh"))
        assertCall("substring", [s("abcdefghåäö"), n(2), n(10000)], s("cdefghåäö"))
        assertCall("substring", [s("aaa"), n(3), n(-1)], s(""))
        assertCall("substring", [s("åäö"), n(4), n(-1)], s(""))
        assertCall("substring", [s("abc"), n(1), n(Int.max)], s("bc"))
        assertFails("substring", [s("aaa"), n(-1), n(-1)], .builtin, "substring: negative offset")
        assertFails("substring", [s("aaa"), num("1.5"), n(1)], .type, "substring: operand 2 must be integer number but got floating-point number")
    }

    func testCase() {
        assertCall("lower", [s("AbCdEf")], s("abcdef"))
        assertCall("upper", [s("AbCdEf")], s("ABCDEF"))
        assertCall("upper", [s("straße")], s("STRAßE"))
        assertCall("lower", [s("ÅÄÖ İ")], s("åäö i"))
        assertCall("upper", [s("ǆ")], s("Ǆ"))
    }

    func testReplace() {
        assertCall("replace", [s(""), s("hi"), s("bye")], s(""))
        assertCall("replace", [s("foo.bar.baz"), s("."), s(",")], s("foo,bar,baz"))
        assertCall("replace", [s("foo...bar"), s(".."), s(",,")], s("foo,,.bar"))
        assertCall("replace", [s("abc"), s(""), s("-")], s("-a-b-c-"))
        assertCall("replace", [s("åb"), s(""), s("-")], s("-å-b-"))
    }

    func testReplaceN() {
        let html: [Value: Value] = [s("<"): s("&lt;"), s(">"): s("&gt;")]
        assertCall("strings.replace_n", [.object(html), s("This is <b>HTML</b>!")], s("This is &lt;b&gt;HTML&lt;/b&gt;!"))
        assertCall("strings.replace_n", [.object([s("f"): s("x"), s("foo"): s("xxx")]), s("foobar")], s("xoobar"))
        assertCall("strings.replace_n", [.object([s("old1"): s("new1")]), s("new1")], s("new1"))
        assertFails("strings.replace_n", [.object([n(2): s("x")]), s("foo")], .type,
                    "strings.replace_n: operand 1 non-string key found in pattern object")
        assertFails("strings.replace_n", [.object([s("f"): n(100)]), s("foo")], .type,
                    "strings.replace_n: operand 1 non-string value found in pattern object")
        assertFails("strings.replace_n", [.object([s("foo"): s("baz")]), n(100)], .type,
                    "strings.replace_n: operand 2 must be string but got number")
    }

    func testReverse() {
        assertCall("strings.reverse", [s("bar")], s("rab"))
        assertCall("strings.reverse", [s("2\u{fe0f}\u{20e3}")], s("\u{20e3}\u{fe0f}2"))
        assertCall("strings.reverse", [s("1😀𝛾")], s("𝛾😀1"))
        assertCall("strings.reverse", [s("")], s(""))
        assertFails("strings.reverse", [n(123)], .type, "strings.reverse: operand 1 must be string but got number")
        assertFails("strings.reverse", [.emptyObject], .type, "strings.reverse: operand 1 must be string but got object")
    }

    func testTrims() {
        assertCall("trim", [s(""), s(".")], s(""))
        assertCall("trim", [s("...foo.bar..."), s(".")], s("foo.bar"))
        assertCall("trim", [s("...foo.bar..."), s(".fr")], s("oo.ba"))
        assertCall("trim", [s("...foo.bar..."), s(".o")], s("foo.bar"))
        assertCall("trim", [s("...."), s(".")], s(""))
        assertCall("trim_left", [s("¡¡¡foo, bar!!!"), s("!¡")], s("foo, bar!!!"))
        assertCall("trim_left", [s("!!!foo, bar¡¡¡"), s("¡")], s("!!!foo, bar¡¡¡"))
        assertCall("trim_right", [s("¡¡¡foo, bar!!!"), s("!¡")], s("¡¡¡foo, bar"))
        assertCall("trim_prefix", [s("¡¡¡foo, bar!!!"), s("¡¡¡foo")], s(", bar!!!"))
        assertCall("trim_prefix", [s("¡¡¡foo, bar!!!"), s("¡¡¡bar")], s("¡¡¡foo, bar!!!"))
        assertCall("trim_suffix", [s("¡¡¡foo, bar!!!"), s(", bar!!!")], s("¡¡¡foo"))
        assertCall("trim_suffix", [s("¡¡¡foo, bar!!!"), s(", foo!!!")], s("¡¡¡foo, bar!!!"))
        assertCall("trim_space", [s(" \t\n foo, bar \n\t\r\n")], s("foo, bar"))
        assertCall("trim_space", [s("\u{85}\u{A0}\u{3000}x\u{2028}")], s("x"))
        assertCall("trim_space", [s("\u{200B}x")], s("\u{200B}x"))
    }

    func testFormatInt() {
        assertCall("format_int", [num("15.5"), n(16)], s("f"))
        assertCall("format_int", [num("3.1"), n(10)], s("3"))
        assertCall("format_int", [n(-255), n(16)], s("-ff"))
        assertCall("format_int", [n(5), n(2)], s("101"))
        assertCall("format_int", [n(8), n(8)], s("10"))
        assertCall("format_int", [num("-0.5"), n(2)], s("0"))
        assertCall("format_int", [num("123456789123456789123"), n(16)], s("6b14e9f9b0df36a83"))
        assertFails("format_int", [num("4.1"), n(199)], .type, "format_int: operand 2 must be one of {2, 8, 10, 16}")
    }
}
