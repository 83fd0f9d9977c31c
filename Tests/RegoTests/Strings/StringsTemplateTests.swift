import XCTest
import PalisadeCore
@testable import Rego

final class StringsTemplateTests: XCTestCase {
    private func template(_ parts: Value...) -> Value? {
        try? StringsTestSupport.call("internal.template_string", [.array(parts)])
    }

    func testTemplateStringPrimitives() {
        XCTAssertEqual(template(), s(""))
        XCTAssertEqual(template(s("foo bar")), s("foo bar"))
        let parts = [Value.set([n(42)]), s(", "), .set([num("13.37")]), s(", "), .set([.true]), s(", "),
                     .set([s("foo")]), s(", "), .set([.null])]
        XCTAssertEqual(try StringsTestSupport.call("internal.template_string", [.array(parts)]), s("42, 13.37, true, foo, null"))
    }

    func testTemplateStringCollectionsAndUndefined() {
        XCTAssertEqual(template(.set([arr()]), s(", "), .set([arr(n(42), s("foo"), .null)]), s(", "), .set([.emptySet]),
                                s(", "), .set([.set([n(42)])]), s(", "), .set([.emptyObject]), s(", "),
                                .set([.object([s("a"): s("b")])])),
                       s("[], [42, \"foo\", null], set(), {42}, {}, {\"a\": \"b\"}"))
        XCTAssertEqual(template(.emptySet, s(" "), .set([s("bar")])), s("<undefined> bar"))
        XCTAssertEqual(template(s("sum: "), n(43)), s("sum: 43"))
        assertFails("internal.template_string", [arr(.set([n(1), n(2)]))], .builtin,
                    "internal.template_string: template-strings must not produce multiple outputs")
    }

    private func render(_ source: String, _ vars: [Value: Value]) throws -> Value? {
        try StringsTestSupport.call("strings.render_template", [s(source), .object(vars)])
    }

    func testRenderTemplate() throws {
        XCTAssertEqual(try render("{{.test}}", [s("test"): s("hello world")]), s("hello world"))
        XCTAssertEqual(try render("{{.test}}", [s("test"): n(2023)]), s("2023"))
        XCTAssertEqual(try render("{{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}}",
                                  [s("hellonames"): arr(s("rohan"), s("john doe"))]),
                       s("hello rohan,hello john doe"))
        XCTAssertEqual(try render("test {{.foo}} {{.bar}} {{.baz}}", [s("baz"): n(1)]), s("test <undefined> <undefined> 1"))
        XCTAssertEqual(try render("{{.a.b}} {{.l}} {{.m}} {{.n}}",
                                  [s("a"): .object([s("b"): .true]), s("l"): arr(n(1), s("x")),
                                   s("m"): .object([s("k"): n(1)]), s("n"): .null]),
                       s("true [1 x] map[k:1] <nil>"))
    }

    func testRenderTemplateControlFlow() throws {
        let vars: [Value: Value] = [s("xs"): arr(n(1), n(2), n(3)), s("name"): s("bob"), s("empty"): arr()]
        XCTAssertEqual(try render("{{- range .xs }} {{ . }}{{ end -}} !", vars), s(" 1 2 3!"))
        XCTAssertEqual(try render("{{if .missing}}a{{else if .name}}b{{else}}c{{end}}", vars), s("b"))
        XCTAssertEqual(try render("{{range .empty}}x{{else}}none{{end}}", vars), s("none"))
        XCTAssertEqual(try render("{{with .name}}hi {{.}}{{end}}", vars), s("hi bob"))
        XCTAssertEqual(try render("{{len .xs}} {{index .xs 1}} {{printf \"%s-%d\" .name 7}} {{.name | printf \"<%s>\"}}", vars),
                       s("3 2 bob-7 <bob>"))
        XCTAssertEqual(try render("{{if eq .name \"bob\"}}yes{{end}}{{if not .empty}}!{{end}}", vars), s("yes!"))
        XCTAssertEqual(try render("{{$x := .name}}{{$x}}{{/* comment */}}", vars), s("bob"))
        XCTAssertEqual(try render("{{range $k, $v := .}}{{$k}};{{end}}", vars), s("empty;name;xs;"))
        XCTAssertEqual(try render("{{range .xs}}{{if eq . \"2\"}}{{break}}{{end}}{{.}}{{end}}",
                                  [s("xs"): arr(s("1"), s("2"), s("3"))]), s("1"))
    }

    func testRenderTemplateErrors() {
        assertFails("strings.render_template", [s("{{.a"), .emptyObject], .builtin, "strings.render_template: template: unclosed action")
        assertFails("strings.render_template", [s("{{if .a}}"), .emptyObject], .builtin, "strings.render_template: template: unexpected EOF")
        assertFails("strings.render_template", [s("{{template \"x\"}}"), .emptyObject], .builtin,
                    "strings.render_template: template: {{template}} is not supported")
        assertFails("strings.render_template", [s("{{.a.b}}"), .object([s("a"): s("x")])], .builtin,
                    "strings.render_template: template: can't evaluate field b in type string")
        assertFails("strings.render_template", [n(1), .emptyObject], .type,
                    "strings.render_template: operand 1 must be string but got number")
    }
}
