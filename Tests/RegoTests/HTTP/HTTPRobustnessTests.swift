import PalisadeCore
import XCTest
@testable import Rego

/// Odd operands must give errors or responses, never crashes. Only the
/// loopback address is contacted (port 1, where nothing listens).
final class HTTPRobustnessTests: XCTestCase {
    private let samples: [Value] = [
        .null, .true, .false, .int(0), .int(-1), .double(1.5), .number(Number(literal: "123456789012345678901234567890")!),
        .string(""), .string("\"quoted\""), .string("1h"), .string("\u{0}\r\n"), .emptyArray, .array([.int(1)]),
        .set([.string("a")]), .emptyObject, .object(fields: ["k": .int(1)]),
    ]

    func testEveryRequestKeyWithOddValues() {
        for key in HTTPSendRequestKeys.allowed.sorted() where key != "url" {
            for sample in samples {
                var fields: [String: Value] = ["method": .string("GET"), "url": .string("http://127.0.0.1:1/"),
                                               "timeout": .string("2s")]
                fields[key] = sample
                for raise in [true, false] {
                    if key != "raise_error" { fields["raise_error"] = .bool(raise) }
                    _ = HTTPTestSupport.error("http.send", [.object(fields: fields)])
                }
            }
        }
    }

    func testOddURLs() {
        for url in ["", ":", "//", "http://", "http://[", "http://a b", "http://127.0.0.1:99999/", "http://127.0.0.1:1/%",
                    "HTTP://127.0.0.1:1", "mailto:x@y", "http://127.0.0.1:1/\u{1F600}?q=\u{1F600}"] {
            _ = HTTPTestSupport.error("http.send", [.object(fields: ["method": .string("GET"), "url": .string(url)])])
            _ = HTTPTestSupport.error("providers.aws.sign_req", [
                .object(fields: ["method": .string("GET"), "url": .string(url)]),
                .object(fields: ["aws_access_key": .string("a"), "aws_secret_access_key": .string("b"),
                                 "aws_service": .string("s3"), "aws_region": .string("r")]),
                .int(0),
            ])
        }
    }

    func testSignRequestWithOddOperands() {
        let config = Value.object(fields: ["aws_access_key": .string("a"), "aws_secret_access_key": .string("b"),
                                           "aws_service": .string("s3"), "aws_region": .string("r")])
        for sample in samples {
            let request = Value.object(fields: ["method": .string("GET"), "url": .string("http://x/"), "headers": sample,
                                                "body": sample])
            _ = HTTPTestSupport.error("providers.aws.sign_req", [request, config, sample])
            _ = HTTPTestSupport.error("providers.aws.sign_req", [sample, sample, sample])
            _ = HTTPTestSupport.error("providers.aws.sign_req", [request, config, .int(Int.min)])
        }
    }
}
