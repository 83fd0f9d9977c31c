import XCTest
@testable import PalisadeCore

/// Matching behaviour, with expectations taken from Go's regexp documentation and tests.
final class PatternsRE2MatchTests: XCTestCase {
    private func re(_ pattern: String) throws -> RE2Regex { try RE2Regex(pattern) }

    private func first(_ pattern: String, _ text: String) throws -> [String?]? {
        try re(pattern).firstMatch(in: text).map { $0.map { $0.map { String(text[$0]) } } }
    }

    func testSubmatches() throws {
        XCTAssertEqual(try re("a(x*)b").allMatchStrings(in: "-ab-axb-"), [["ab", ""], ["axb", "x"]])
        XCTAssertEqual(try re("a(x*)b").allMatchStrings(in: "-"), [])
        XCTAssertEqual(try re("[^aouiye]([aouiye])([^aouiye])?").allMatchStrings(in: "somestri"),
                       [["som", "o", "m"], ["ri", "i", ""]])
        XCTAssertEqual(try re("[^aouiye]([aouiye])([^aouiye])?").allMatchStrings(in: "somestri", limit: 1),
                       [["som", "o", "m"]])
        XCTAssertEqual(try first("(a)|(b)", "b"), ["b", nil, "b"])
        XCTAssertEqual(try first("(a*)+", "b"), ["", ""])
        XCTAssertEqual(try first("(a|ab)(c|bcd)(d*)", "abcd"), ["abcd", "a", "bcd", ""])
        XCTAssertEqual(try first("(a+)(b)?", "aaa"), ["aaa", "aaa", nil])
    }

    func testLeftmostFirstAndLaziness() throws {
        XCTAssertEqual(try first("a|ab", "ab"), ["a"])
        XCTAssertEqual(try first("ab|a", "ab"), ["ab"])
        XCTAssertEqual(try first("a+?", "aaa"), ["a"])
        XCTAssertEqual(try first("a*?b", "aab"), ["aab"])
        XCTAssertEqual(try first("(?U)a+", "aaa"), ["a"])
        XCTAssertEqual(try first("(?U)a+?", "aaa"), ["aaa"])
        XCTAssertEqual(try first("a{2,3}", "aaaa"), ["aaa"])
        XCTAssertEqual(try first("a{2,3}?", "aaaa"), ["aa"])
        XCTAssertEqual(try first("(|a)*", "aa"), ["", ""])
        XCTAssertEqual(try first("(|a)+", "aa"), ["", ""])
        // Go (unlike Perl) reports the last non-empty iteration here.
        XCTAssertEqual(try first("(a|)*", "aa"), ["aa", "a"])
    }

    func testFlagsAndAnchors() throws {
        XCTAssertFalse(try re("a.b").matches("a\nb"))
        XCTAssertTrue(try re("(?s)a.b").matches("a\nb"))
        XCTAssertFalse(try re("^b").matches("a\nb"))
        XCTAssertTrue(try re("(?m)^b$").matches("a\nb\nc"))
        XCTAssertFalse(try re("a$").matches("a\n"), "Go's $ only matches at the end of the text")
        XCTAssertTrue(try re(#"a\z"#).matches("xa"))
        XCTAssertFalse(try re(#"\Ab"#).matches("ab"))
        XCTAssertTrue(try re("(?i)hello").matches("HeLLo"))
        XCTAssertTrue(try re("(?i:h)ello").matches("Hello"))
        XCTAssertFalse(try re("(?i:h)ello").matches("HELLO"))
        XCTAssertTrue(try re("(?i)k").matches("\u{212A}"), "Kelvin sign folds to k")
        XCTAssertTrue(try re("(?i)[a-c]+$").matches("ABC"))
        XCTAssertTrue(try re("(?i)σ").matches("Σ"))
        XCTAssertTrue(try re("(?i)σ").matches("ς"))
        XCTAssertTrue(try re("(?i)[^k]").matches("a"))
        XCTAssertFalse(try re("(?i)[^k]").matches("K"))
        XCTAssertTrue(try re("[^a]").matches("\n"), "negated classes match newline in Perl mode")
    }

    func testWordBoundaries() throws {
        XCTAssertTrue(try re(#"\bfoo\b"#).matches("a foo b"))
        XCTAssertFalse(try re(#"\bfoo\b"#).matches("afoo"))
        XCTAssertTrue(try re(#"\Boo\B"#).matches("fool"))
        XCTAssertFalse(try re(#"é\b"#).matches("é"), "non-ASCII letters are not word characters")
        XCTAssertTrue(try re(#"\Bé\B"#).matches("é"))
        XCTAssertTrue(try re(#"\bx\b"#).matches("éxé"))
    }

    func testClasses() throws {
        XCTAssertTrue(try re(#"^\p{Greek}+$"#).matches("αβγ"))
        XCTAssertFalse(try re(#"^\p{Greek}+$"#).matches("abc"))
        XCTAssertTrue(try re(#"^\pL+$"#).matches("héllo日本"))
        XCTAssertTrue(try re(#"^\PL$"#).matches("1"))
        XCTAssertTrue(try re(#"^\p{^Greek}$"#).matches("a"))
        XCTAssertTrue(try re(#"^\p{Han}+$"#).matches("漢字"))
        XCTAssertTrue(try re(#"^\p{Cyrillic}+$"#).matches("жук"))
        XCTAssertTrue(try re(#"^\p{Nd}+$"#).matches("0١٢"))
        XCTAssertTrue(try re(#"^\p{Lu}$"#).matches("Ä"))
        XCTAssertTrue(try re(#"(?i)^\p{Lu}$"#).matches("ä"))
        XCTAssertTrue(try re(#"^\d+\s\w+$"#).matches("42 is_x"))
        XCTAssertFalse(try re(#"^\d$"#).matches("١"), "\\d is ASCII only")
        XCTAssertFalse(try re(#"\s"#).matches("\u{0B}"), "\\s excludes \\v")
        XCTAssertTrue(try re("[[:space:]]").matches("\u{0B}"))
        XCTAssertTrue(try re("^[[:alpha:][:digit:]_]+$").matches("ab_12"))
        XCTAssertTrue(try re("^[[:^alpha:]]+$").matches("123"))
        XCTAssertTrue(try re(#"^[\d\-x]+$"#).matches("1-x"))
        XCTAssertTrue(try re("^[]a]+$").matches("]a"))
        XCTAssertTrue(try re(".").matches("日"))
        XCTAssertEqual(try first("..", "日本x"), ["日本"])
    }

    func testEscapes() throws {
        XCTAssertTrue(try re(#"\Qa.b\E"#).matches("a.b"))
        XCTAssertFalse(try re(#"\Qa.b\E"#).matches("axb"))
        XCTAssertTrue(try re(#"^\x41\x{1F600}\101$"#).matches("A😀A"))
        XCTAssertTrue(try re(#"^a\.b\*$"#).matches("a.b*"))
        XCTAssertTrue(try re(#"^\t\n$"#).matches("\t\n"))
    }

    func testFindAll() throws {
        XCTAssertEqual(try re("a.").allMatchedSubstrings(in: "paranormal"), ["ar", "an", "al"])
        XCTAssertEqual(try re("a.").allMatchedSubstrings(in: "paranormal", limit: 2), ["ar", "an"])
        XCTAssertEqual(try re("a*").allMatchedSubstrings(in: "baaab"), ["", "aaa", ""])
        XCTAssertEqual(try re("").allMatchedSubstrings(in: "日本"), ["", "", ""])
        XCTAssertEqual(try re("^.*$").allMatchedSubstrings(in: "abc"), ["abc"])
        XCTAssertEqual(try re("a.").allMatchedSubstrings(in: "paranormal", limit: 0), [])
        let text = "x日本y"
        let ranges = try re("本").allMatches(in: text)
        XCTAssertEqual(ranges.count, 1)
        XCTAssertEqual(ranges[0][0].map { String(text[$0]) }, "本")
    }

    func testReplace() throws {
        let re = try re("a(x*)b")
        XCTAssertEqual(re.replaceAll(in: "-ab-axxb-", with: "T"), "-T-T-")
        XCTAssertEqual(re.replaceAll(in: "-ab-axxb-", with: "$1"), "--xx-")
        XCTAssertEqual(re.replaceAll(in: "-ab-axxb-", with: "$1W"), "---")
        XCTAssertEqual(re.replaceAll(in: "-ab-axxb-", with: "${1}W"), "-W-xxW-")
        XCTAssertEqual(re.replaceAllLiteral(in: "-ab-axxb-", with: "$1"), "-$1-$1-")
        let named = try RE2Regex(#"(?P<key>\w+):\s+(?P<value>\w+)"#)
        XCTAssertEqual(named.replaceAll(in: "option1: value1", with: "$value=$key$$ ${key}"), "value1=option1$ option1")
        XCTAssertEqual(try RE2Regex("x*").replaceAll(in: "abc", with: "-"), "-a-b-c-")
        XCTAssertEqual(try RE2Regex("a*").replaceAll(in: "baaac", with: "-"), "-b-c-")
        XCTAssertEqual(try RE2Regex("^[a-z]").replaceAll(in: "foo", with: "F"), "Foo")
        XCTAssertEqual(try RE2Regex("[a-z]{2}").replaceAll(in: "foo barx", with: "_"), "_o __")
        XCTAssertEqual(try RE2Regex("(foo)").replaceAll(in: "foo", with: "$1$1"), "foofoo")
        XCTAssertEqual(try RE2Regex("$").replaceAll(in: "日本", with: "!"), "日本!")
        XCTAssertNil(try RE2Regex("").replaceAll(in: "abc", with: "xxxx", maxBytes: 10))
        let m = try XCTUnwrap(named.firstMatch(in: "k: v"))
        XCTAssertEqual(named.expand("[$2/${key}/$3/$]", match: m, in: "k: v"), "[v/k//$]")
    }

    func testSplit() throws {
        XCTAssertEqual(try re("a*").split("abaabaccadaaae", limit: 5), ["", "b", "b", "c", "cadaaae"])
        XCTAssertEqual(try re("").split("abc", limit: -1), ["a", "b", "c"])
        XCTAssertEqual(try re("a").split("banana"), ["b", "n", "n", ""])
        XCTAssertEqual(try re("z+").split("pizza"), ["pi", "a"])
        XCTAssertEqual(try re("^[a-z]+").split("foobar baz"), ["", " baz"])
        XCTAssertEqual(try re("[a-z]+$").split("foobar baz"), ["foobar ", ""])
        XCTAssertEqual(try re("^[a-z ]+$").split("foobar baz"), ["", ""])
        XCTAssertEqual(try re("x").split(""), [""])
        XCTAssertEqual(try re("").split(""), [])
        XCTAssertEqual(try re("a").split("banana", limit: 0), [])
        XCTAssertEqual(try re("a").split("banana", limit: 2), ["b", "nana"])
    }

    func testQuoteMeta() throws {
        let quoted = RE2Regex.quoteMeta(#"1.5-2.0?[x]{y}|(z)^$\*+"#)
        XCTAssertEqual(quoted, #"1\.5-2\.0\?\[x\]\{y\}\|\(z\)\^\$\\\*\+"#)
        XCTAssertTrue(try re("^" + quoted + "$").matches(#"1.5-2.0?[x]{y}|(z)^$\*+"#))
    }

    func testPathologicalPatternsRunInLinearTime() throws {
        let long = String(repeating: "a", count: 100_000)
        XCTAssertFalse(try re("(a*)*b").matches(long))
        XCTAssertNil(try re("(a*)*b").firstMatch(in: long))
        XCTAssertFalse(try re("(a|aa)+$b").matches(long))
        XCTAssertFalse(try re("(x+x+)+y").matches(String(repeating: "x", count: 50_000)))
        XCTAssertEqual(try re("(a+)+").firstMatch(in: long)?.count, 2)
        XCTAssertEqual(try re("a{0,1000}b").allMatches(in: String(repeating: "a", count: 1_500) + "b").count, 1)
    }

    func testConcurrentUse() throws {
        let shared = try re(#"(\w+)@(\w+)"#)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            XCTAssertEqual(shared.allMatchStrings(in: "u\(i)@h\(i) x@y"), [["u\(i)@h\(i)", "u\(i)", "h\(i)"], ["x@y", "x", "y"]])
        }
    }
}
