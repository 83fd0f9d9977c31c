import XCTest
@testable import Rego
import PalisadeCore

/// net.* builtins, with the cases of OPA's netcidr* and netlookupipaddr folders.
final class PatternsNetBuiltinTests: XCTestCase {
    private let set = PatternsTestSupport.stringSet

    private func contains(_ a: String, _ b: String, _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        assertPatternsCall("net.cidr_contains", .string(a), .string(b), equals: .bool(expected), file: file, line: line)
    }

    func testContains() {
        contains("10.0.0.0/8", "10.1.0.0/24", true)
        contains("172.17.0.0/24", "172.17.0.0/16", false)
        contains("10.0.0.0/8", "192.168.1.0/24", false)
        contains("10.0.0.0/8", "10.1.1.1/32", true)
        contains("2001:4860:4860::8888/32", "2001:4860:4860:1234::8888/40", true)
        contains("2001:4860:4860::8888/32", "2001:4860:4860:1234:5678:1234:5678:8888/128", true)
        contains("2001:4860::/96", "2001:4860::/32", false)
        contains("2001:4860::/32", "fd1e:5bfe:8af3:9ddc::/64", false)
        contains("10.0.0.0/8", "10.1.2.3", true)
        contains("10.0.0.0/8", "192.168.1.1", false)
        contains("::ffff:0:0/96", "1.2.3.4", true)
        contains("10.0.0.0/8", "::ffff:10.1.2.3", true)
        assertPatternsCall("net.cidr_overlap", .string("10.0.0.0/8"), .string("10.1.2.3"), equals: .true)
        assertPatternsError("net.cidr_contains", .string("not-a-cidr"), .string("192.168.1.67"), code: .builtin,
                            message: "net.cidr_contains: invalid CIDR address: not-a-cidr")
        assertPatternsError("net.cidr_contains", .string("192.168.1.0/28"), .string("not-a-cidr"), code: .builtin,
                            message: "net.cidr_contains: not a valid textual representation of an IP address or CIDR: not-a-cidr")
        assertPatternsError("net.cidr_contains", .string("192.168.1.0/28"), .int(1), code: .type,
                            message: "net.cidr_contains: operand 1 must be string but got number")
    }

    func testIntersects() {
        let cases: [(String, String, Bool)] = [
            ("192.168.1.0/25", "192.168.1.64/25", true),
            ("192.168.1.0/24", "192.168.2.0/24", false),
            ("fd1e:5bfe:8af3:9ddc::/64", "fd1e:5bfe:8af3:9ddc:1111::/72", true),
            ("fd1e:5bfe:8af3:9ddc::/64", "2001:4860:4860::8888/32", false),
        ]
        for (a, b, expected) in cases {
            assertPatternsCall("net.cidr_intersects", .string(a), .string(b), equals: .bool(expected))
        }
        assertPatternsError("net.cidr_intersects", .string("not-a-cidr"), .string("192.168.1.0/24"), code: .builtin,
                            message: "net.cidr_intersects: invalid CIDR address: not-a-cidr")
        assertPatternsError("net.cidr_intersects", .string("192.168.1.0/28"), .string("not-a-cidr"), code: .builtin,
                            message: "net.cidr_intersects: invalid CIDR address: not-a-cidr")
    }

    func testContainsMatches() {
        let pair = { (a: Value, b: Value) in Value.array([a, b]) }
        assertPatternsCall("net.cidr_contains_matches", .string("1.1.1.0/24"), .string("1.1.1.1"),
                           equals: .set([pair(.string("1.1.1.0/24"), .string("1.1.1.1"))]))
        assertPatternsCall("net.cidr_contains_matches", PatternsTestSupport.strings(["1.1.2.0/24", "1.1.1.0/24"]),
                           PatternsTestSupport.strings(["1.1.1.1", "1.1.2.1"]),
                           equals: .set([pair(.int(0), .int(1)), pair(.int(1), .int(0))]))
        assertPatternsCall("net.cidr_contains_matches", .array([.array([.string("1.1.2.0/24"), .int(1)]), .string("1.1.1.0/24")]),
                           PatternsTestSupport.strings(["1.1.1.1", "1.1.2.1"]),
                           equals: .set([pair(.int(0), .int(1)), pair(.int(1), .int(0))]))
        assertPatternsCall("net.cidr_contains_matches", set(["1.1.1.0/24", "1.1.2.0/24"]), set(["1.1.1.1", "1.1.2.1"]),
                           equals: .set([pair(.string("1.1.1.0/24"), .string("1.1.1.1")), pair(.string("1.1.2.0/24"), .string("1.1.2.1"))]))
        let tuples1 = Value.set([.array([.string("1.1.1.0/24"), .string("bar")]), .array([.string("1.1.2.0/24"), .string("foo")])])
        let tuples2 = Value.set([.array([.string("1.1.1.1"), .string("baz")]), .array([.string("1.1.2.1"), .string("qux")])])
        assertPatternsCall("net.cidr_contains_matches", tuples1, tuples2, equals: .set([
            pair(.array([.string("1.1.1.0/24"), .string("bar")]), .array([.string("1.1.1.1"), .string("baz")])),
            pair(.array([.string("1.1.2.0/24"), .string("foo")]), .array([.string("1.1.2.1"), .string("qux")])),
        ]))
        let object = Value.object(fields: ["k1": .string("1.1.1.1/24"), "k2": .array([.string("1.1.1.2/24"), .int(1)])])
        assertPatternsCall("net.cidr_contains_matches", object, .string("1.1.1.128"),
                           equals: .set([pair(.string("k1"), .string("1.1.1.128")), pair(.string("k2"), .string("1.1.1.128"))]))
        let message = "net.cidr_contains_matches: operand 2: element must be string or non-empty array"
        assertPatternsError("net.cidr_contains_matches", PatternsTestSupport.strings(["1.1.2.0/24", "1.1.1.0/24"]),
                            .array([.string("1.1.1.1"), .int(1)]), code: .builtin, message: message)
        assertPatternsError("net.cidr_contains_matches", tuples1, .set([.int(1), .array([.string("1.1.2.1"), .string("qux")])]),
                            code: .builtin, message: message)
        assertPatternsError("net.cidr_contains_matches", tuples1, .set([.emptyArray, .array([.string("1.1.2.1"), .string("qux")])]),
                            code: .builtin, message: message)
    }

    func testExpand() {
        assertPatternsCall("net.cidr_expand", .string("192.168.1.1/30"),
                           equals: set(["192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"]))
        assertPatternsCall("net.cidr_expand", .string("10.0.0.7/32"), equals: set(["10.0.0.7"]))
        assertPatternsCall("net.cidr_expand", .string("2001:db8::/126"),
                           equals: set(["2001:db8::", "2001:db8::1", "2001:db8::2", "2001:db8::3"]))
        assertPatternsError("net.cidr_expand", .string("192.168.1.1/33"), code: .builtin,
                            message: "net.cidr_expand: invalid CIDR address: 192.168.1.1/33")
        assertPatternsError("net.cidr_expand", .string("10.0.0.0/8"), code: .builtin,
                            message: "net.cidr_expand: network too large to expand: 10.0.0.0/8 has 2^24 addresses (limit 2^18)")
    }

    func testIsValid() {
        assertPatternsCall("net.cidr_is_valid", .string("192.168.1.0/24"), equals: .true)
        assertPatternsCall("net.cidr_is_valid", .string(""), equals: .false)
        assertPatternsCall("net.cidr_is_valid", .string("there goes a string"), equals: .false)
        assertPatternsCall("net.cidr_is_valid", .string("192.168.1.2"), equals: .false)
        assertPatternsCall("net.cidr_is_valid", .string("2002::1234:abcd:ffff:c0a8:101/64"), equals: .true)
        assertPatternsCall("net.cidr_is_valid", .string("192.168.01.0/24"), equals: .false)
        assertPatternsCall("net.cidr_is_valid", .string("fe80::1%eth0/64"), equals: .false)
        assertPatternsCall("net.cidr_is_valid", .string("::ffff:1.2.3.4/120"), equals: .true)
        assertPatternsCall("net.cidr_is_valid", .int(1), equals: .false)
    }

    func testMerge() {
        let merge = { (items: [String]) in try PatternsTestSupport.call("net.cidr_merge", PatternsTestSupport.strings(items)) }
        let cases: [([String], [String])] = [
            (["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"], ["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"]),
            (["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"],
             ["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"]),
            (["2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64", "2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128"], ["2601:600:8a80:207e::/64"]),
            (["192.0.128.0/24"], ["192.0.128.0/24"]),
            (["192.0.128.0/24", "192.0.128.0/24"], ["192.0.128.0/24"]),
            (["192.0.128.0/24", "0.0.0.0/0"], ["0.0.0.0/0"]),
            (["192.0.128.0/24", "192.0.129.0/24"], ["192.0.128.0/23"]),
            (["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"], ["192.0.2.112/29"]),
            (["192.0.129.0/24", "192.0.130.0/24"], ["192.0.129.0/24", "192.0.130.0/24"]),
            (["192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"], ["192.0.2.112/30", "192.0.2.116/32", "192.0.2.118/31"]),
            (["192.0.2.112/31", "192.0.2.116/31", "192.0.2.118/31"], ["192.0.2.112/31", "192.0.2.116/30"]),
            (["192.0.1.254/31"] + (0...15).map { "192.0.2.\($0 * 16)/28" } + ["192.0.3.0/28"],
             ["192.0.1.254/31", "192.0.2.0/24", "192.0.3.0/28"]),
            (["::/0", "fe80::1/128"], ["::/0"]),
            (["::/0", "::192.0.2.0/124", "ff00::101/128"], ["::/0"]),
            (["fe80::/120", "192.0.2.0/24", "192.0.3.0/24", "192.0.4.0/25", "192.0.4.128/25"],
             ["192.0.2.0/23", "192.0.4.0/24", "fe80::/120"]),
            ([], []),
            (["192.0.2.112", "192.0.2.116/31", "192.0.2.118/31"], ["192.0.2.0/24"]),
            (["192.0.128.0", "192.0.129.0"], ["192.0.128.0/23"]),
            (["10.1.2.3"], ["10.1.2.3/8"]),
            (["10.0.0.1/32", "10.0.0.2/32"], ["10.0.0.1/32", "10.0.0.2/32"]),
            (["10.0.0.1/32", "10.0.0.2/31"], ["10.0.0.1/32", "10.0.0.2/31"]),
            (["10.0.0.0/32", "10.0.0.1/32", "10.0.0.2/32"], ["10.0.0.0/31", "10.0.0.2/32"]),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(try merge(input), set(expected), "\(input)")
        }
        assertPatternsCall("net.cidr_merge", set(["192.0.2.112/30", "192.0.2.116/31", "192.0.2.118/31"]), equals: set(["192.0.2.112/29"]))
        assertPatternsError("net.cidr_merge", PatternsTestSupport.strings(["2601:600:8a80:207e:a57d:7567:e2c9:e7b3"]),
                            code: .builtin, message: "net.cidr_merge: IPv6 invalid: needs prefix length")
        assertPatternsError("net.cidr_merge", PatternsTestSupport.strings(["foo"]), code: .builtin,
                            message: "net.cidr_merge: invalid CIDR address: foo")
        assertPatternsError("net.cidr_merge", .array([.int(1)]), code: .builtin, message: "net.cidr_merge: element must be string")
        assertPatternsError("net.cidr_merge", .string("10.0.0.0/8"), code: .builtin, message: "net.cidr_merge: operand must be an array")
    }

    func testLookupIPAddress() throws {
        assertPatternsCall("net.lookup_ip_addr", .string("10.0.0.0"), equals: set(["10.0.0.0"]))
        assertPatternsCall("net.lookup_ip_addr", .string("::"), equals: set(["::"]))
        assertPatternsCall("net.lookup_ip_addr", .string("fe80::1%eth0"), equals: set(["fe80::1%eth0"]))
        let localhost = try PatternsTestSupport.call("net.lookup_ip_addr", .string("localhost"))
        XCTAssertTrue([set(["127.0.0.1"]), set(["127.0.0.1", "::1"]), set(["::1"])].contains(localhost))
        // Without a resolver the reason may differ ("no such host" or a resolver failure).
        XCTAssertThrowsError(try PatternsTestSupport.call("net.lookup_ip_addr", .string("no-such-host.invalid"))) { error in
            XCTAssertEqual((error as? BuiltinError)?.code, .builtin)
            XCTAssertTrue(String(describing: error).contains("net.lookup_ip_addr: lookup no-such-host.invalid: "))
        }
        assertPatternsError("net.lookup_ip_addr", .string(""), code: .builtin, message: "net.lookup_ip_addr: lookup : no such host")
        XCTAssertTrue(try XCTUnwrap(PatternsTestSupport.builtins["net.lookup_ip_addr"]).isNondeterministic)
    }

    func testAddressFormatting() {
        let samples = [
            ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
            ("2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("0:0:0:0:0:0:0:0", "::"),
            ("1:0:0:0:0:0:0:0", "1::"),
            ("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0"),
            ("::ffff:192.0.2.1", "192.0.2.1"),
            ("::192.0.2.1", "::c000:201"),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
        ]
        for (input, expected) in samples {
            XCTAssertEqual(PatternsIP.parseIP(input).map(PatternsIP.format), expected, input)
        }
        for invalid in ["1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "::1::", "1:2:3:4:5:6:7:8:9", "12345::", ":1", "1:", "fe80::1%", "1.2.3.4%x"] {
            XCTAssertNil(PatternsIP.parseIP(invalid), invalid)
        }
    }
}
