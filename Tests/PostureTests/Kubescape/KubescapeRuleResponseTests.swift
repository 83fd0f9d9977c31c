import PalisadeCore
import XCTest
@testable import Posture

final class KubescapeRuleResponseTests: XCTestCase {
    func testDecodesLikeGoEncodingJSON() throws {
        let value = try JSONReader.decode(#"""
        [{"alertMessage":"m","FAILEDPATHS":["a"],"fixPaths":[{"path":"p","value":"v"}],"alertScore":7,
          "unknown":1,"ruleStatus":null,"alertObject":{"k8sApiObjects":[{"kind":"Pod"}]}}]
        """#)
        let responses = try KubescapeRuleResponse.decodeList(value)
        XCTAssertEqual(responses.count, 1)
        let r = try XCTUnwrap(responses.first)
        XCTAssertEqual(r.alertMessage, "m")
        XCTAssertEqual(r.failedPaths, ["a"], "field names match case-insensitively")
        XCTAssertNil(r.reviewPaths, "a missing list stays nil")
        XCTAssertEqual(r.fixPaths, [KubescapeFixPath(path: "p", value: "v")])
        XCTAssertEqual(r.alertScore, 7)
        XCTAssertEqual(r.ruleStatus, "")
        XCTAssertEqual(r.k8sApiObjects?.count, 1)
    }

    func testWrongTypesAreErrors() throws {
        XCTAssertThrowsError(try KubescapeRuleResponse.decodeList(JSONReader.decode(#"[{"alertScore":"7"}]"#))) { error in
            XCTAssertTrue("\(error)".contains("float32"), "\(error)")
        }
        XCTAssertThrowsError(try KubescapeRuleResponse.decodeList(JSONReader.decode(#"[{"fixPaths":[{"path":"p","value":false}]}]"#)))
        XCTAssertThrowsError(try KubescapeRuleResponse.decodeList(JSONReader.decode(#"{"alertMessage":"m"}"#)))
        XCTAssertEqual(try KubescapeRuleResponse.decodeList(.null), [])
    }

    func testTrimKeepsOnlyIdentityOfK8sObjects() throws {
        var r = KubescapeRuleResponse()
        r.k8sApiObjects = [try JSONReader.decode(#"""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"ns","labels":{"a":"b"},"uid":"1"},"spec":{}}
        """#)]
        let trimmed = r.trimmedForReport()
        XCTAssertEqual(trimmed.k8sApiObjects, [try JSONReader.decode(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}}}"#)])
    }

    func testComparisonIsOrderFreeButDistinguishesNullFromEmpty() {
        var a = KubescapeRuleResponse()
        a.alertMessage = "a"
        a.failedPaths = []
        var b = KubescapeRuleResponse()
        b.alertMessage = "b"
        XCTAssertNil(KubescapeRuleTest.compare(actual: [a, b], expected: [b, a]))
        var aNull = a
        aNull.failedPaths = nil
        let failure = KubescapeRuleTest.compare(actual: [aNull, b], expected: [a, b])
        XCTAssertNotNil(failure)
        XCTAssertTrue(failure?.contains("failedPaths: got null, want []") ?? false, failure ?? "")
        XCTAssertNotNil(KubescapeRuleTest.compare(actual: [a], expected: [a, a]))
    }

    func testGoJSONOmitsEmptyOptionalFields() {
        var r = KubescapeRuleResponse()
        r.alertScore = 0.5
        let json = r.goJSON
        XCTAssertNil(json["fixCommand"])
        XCTAssertEqual(json["failedPaths"], .null)
        XCTAssertEqual(json["alertObject"], .emptyObject)
        XCTAssertEqual(json["alertScore"], .double(0.5))
    }
}
