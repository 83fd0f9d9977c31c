import XCTest
@testable import Rego
import PalisadeCore

final class EncodingTimeTests: XCTestCase {
    func testNowIsStableWithinContext() throws {
        let ctx = BuiltinContext(nowNanoseconds: 42)
        XCTAssertEqual(try encodingCall("time.now_ns", context: ctx), .int(42))
    }

    func testParseNanos() throws {
        let cases: [(String, String, Int)] = [
            ("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00", 1496455200000000000),
            ("2006-01-02T15:04:05Z07:00", "1677-09-21T00:12:43.145224192-00:00", Int.min),
            ("2006-01-02T15:04:05Z07:00", "2262-04-11T23:47:16.854775807-00:00", Int.max),
            ("01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700", 1496455200000000000),
            ("02 Jan 06 15:04 -0700", "02 Jun 17 19:00 -0700", 1496455200000000000),
            ("RFC822Z", "02 Jun 17 19:00 -0700", 1496455200000000000),
            ("2006-01-02", "2020-02-29", 1582934400000000000),
            ("Mon Jan _2 15:04:05 MST 2006", "Fri Jun  2 19:00:00 PST 2017", 1496430000000000000),
        ]
        for (layout, value, want) in cases {
            XCTAssertEqual(try encodingCall("time.parse_ns", .string(layout), .string(value)), .int(want), value)
        }
        XCTAssertEqual(encodingError("time.parse_ns", .string("2006-01-02T15:04:05Z07:00"), .string("1677-09-21T00:12:43.145224191-00:00")),
                       "time.parse_ns: time outside of valid range")
        XCTAssertEqual(encodingError("time.parse_ns", .string("2006-01-02T15:04:05Z07:00"), .string("2262-04-11T23:47:16.854775808-00:00")),
                       "time.parse_ns: time outside of valid range")
        XCTAssertEqual(encodingError("time.parse_ns", .string("2006-01-02"), .string("2020-13-01")),
                       "time.parse_ns: parsing time \"2020-13-01\": month out of range")
        XCTAssertEqual(encodingError("time.parse_ns", .string("2006-01-02"), .string("x")),
                       "time.parse_ns: parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\"")
        XCTAssertEqual(encodingError("time.parse_ns", .string("2006-01-02"), .string("2020-02-30")),
                       "time.parse_ns: parsing time \"2020-02-30\": day out of range")
    }

    func testParseRFC3339() throws {
        XCTAssertEqual(try encodingCall("time.parse_rfc3339_ns", .string("1970-01-01T00:00:00-00:00")), .int(0))
        XCTAssertEqual(try encodingCall("time.parse_rfc3339_ns", .string("2017-06-02T19:00:00-07:00")), .int(1496455200000000000))
        XCTAssertEqual(encodingError("time.parse_rfc3339_ns", .string("2262-04-11T23:47:16.854775808-00:00")),
                       "time.parse_rfc3339_ns: time outside of valid range")
    }

    func testParseDuration() throws {
        XCTAssertEqual(try encodingCall("time.parse_duration_ns", .string("100ms")), .int(100_000_000))
        XCTAssertEqual(try encodingCall("time.parse_duration_ns", .string("1h2m3.5s")), .int(3_723_500_000_000))
        XCTAssertEqual(try encodingCall("time.parse_duration_ns", .string("-1.5h")), .int(-5_400_000_000_000))
        XCTAssertEqual(try encodingCall("time.parse_duration_ns", .string("3µs")), .int(3_000))
        XCTAssertEqual(try encodingCall("time.parse_duration_ns", .string("0")), .int(0))
        XCTAssertEqual(encodingError("time.parse_duration_ns", .string("1x")),
                       "time.parse_duration_ns: time: unknown unit \"x\" in duration \"1x\"")
        XCTAssertEqual(encodingError("time.parse_duration_ns", .string("1")),
                       "time.parse_duration_ns: time: missing unit in duration \"1\"")
    }

    func testDateClockWeekday() throws {
        XCTAssertEqual(try encodingCall("time.date", .int(1517814000000000000)), encodingJSON("[2018, 2, 5]"))
        XCTAssertEqual(try encodingCall("time.date", .array([.int(1517814000000000000), .string("America/Los_Angeles")])),
                       encodingJSON("[2018, 2, 4]"))
        XCTAssertEqual(try encodingCall("time.date", .array([.int(1517832000000000000), .string("")])), encodingJSON("[2018, 2, 5]"))
        XCTAssertEqual(try encodingCall("time.date", .int(1582977600000000000)), encodingJSON("[2020, 2, 29]"))
        XCTAssertEqual(try encodingCall("time.clock", .int(1517832000000000000)), encodingJSON("[12, 0, 0]"))
        XCTAssertEqual(try encodingCall("time.clock", .array([.int(1517832000000000000), .string("America/New_York")])),
                       encodingJSON("[7, 0, 0]"))
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        for (i, day) in days.enumerated() {
            XCTAssertEqual(try encodingCall("time.weekday", .int(1517832000000000000 + i * 86_400_000_000_000)), .string(day))
        }
        let tooBig = Value.number(Number(literal: "1582977600000000000000")!)
        XCTAssertEqual(encodingError("time.date", tooBig), "time.date: timestamp too big")
        XCTAssertEqual(encodingError("time.clock", tooBig), "time.clock: timestamp too big")
        XCTAssertEqual(encodingError("time.weekday", tooBig), "time.weekday: timestamp too big")
        XCTAssertEqual(encodingError("time.date", .array([.int(0), .string("Nowhere/City")])), "time.date: unknown time zone Nowhere/City")
        XCTAssertEqual(encodingError("time.date", .string("x")),
                       "time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got string")
    }

    func testAddDate() throws {
        XCTAssertEqual(try encodingCall("time.add_date", .int(1585852421593912000), .int(3), .int(9), .int(12)), .int(1705257221593912000))
        XCTAssertEqual(try encodingCall("time.add_date", .int(1585852421593912000), .int(-1), .int(-1), .int(-1)), .int(1551465221593912000))
        XCTAssertEqual(encodingError("time.add_date", .int(0), .int(2262), .int(1), .int(1)), "time.add_date: time outside of valid range")
        XCTAssertEqual(encodingError("time.add_date", .int(Int.min), .int(0), .int(0), .int(-1)), "time.add_date: time outside of valid range")
        // Go normalizes Oct 31 + 1 month to Dec 1.
        let oct31 = 1604102400000000000
        XCTAssertEqual(try encodingCall("time.add_date", .int(oct31), .int(0), .int(1), .int(0)), .int(1606780800000000000))
    }

    func testDiff() throws {
        let now = 1_700_000_000_000_000_000
        XCTAssertEqual(try encodingCall("time.diff", .int(now + 61_000_000_000), .int(now)), encodingJSON("[0, 0, 0, 0, 1, 1]"))
        XCTAssertEqual(try encodingCall("time.diff", .array([.int(now + 60_000_000_000), .string("UTC")]),
                                        .array([.int(now), .string("Asia/Shanghai")])), encodingJSON("[0, 0, 0, 0, 1, 0]"))
        func day(_ s: String) throws -> Value { try encodingCall("time.parse_ns", .string("2006-01-02"), .string(s)) ?? .null }
        XCTAssertEqual(try encodingCall("time.diff", try day("2020-02-02"), try day("2020-03-01")), encodingJSON("[0, 0, 28, 0, 0, 0]"))
        XCTAssertEqual(try encodingCall("time.diff", try day("2021-02-02"), try day("2021-03-01")), encodingJSON("[0, 0, 27, 0, 0, 0]"))
        XCTAssertEqual(try encodingCall("time.diff", try day("2004-02-29"), try day("2005-03-01")), encodingJSON("[1, 0, 1, 0, 0, 0]"))
    }

    func testFormat() throws {
        let t = 1670006453141828752
        XCTAssertEqual(try encodingCall("time.format", .int(t)), .string("2022-12-02T18:40:53.141828752Z"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("Asia/Kolkata")])),
                       .string("2022-12-03T00:10:53.141828752+05:30"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("Asia/Kolkata"), .string("Mon Jan 02 15:04:05 -0700 2006")])),
                       .string("Sat Dec 03 00:10:53 +0530 2022"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("Asia/Kolkata"), .string("RFC1123Z")])),
                       .string("Sat, 03 Dec 2022 00:10:53 +0530"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("Asia/Kolkata"), .string("RFC1123")])),
                       .string("Sat, 03 Dec 2022 00:10:53 IST"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("America/New_York"), .string("UnixDate")])),
                       .string("Fri Dec  2 13:40:53 EST 2022"))
        XCTAssertEqual(try encodingCall("time.format", .array([.int(t), .string("UTC"), .string("3:04PM .000 __2 002 Monday January")])),
                       .string("6:40PM .141 336 336 Friday December"))
        XCTAssertEqual(encodingError("time.format", .number(Number(1.582977600e22))), "time.format: timestamp too big")
    }
}
