import XCTest
@testable import Posture

final class PodSecurityPolicyTests: XCTestCase {
    func testParsesLevelsAndVersions() throws {
        XCTAssertEqual(try PodSecurityPolicy(parsing: "restricted:latest"), PodSecurityPolicy(level: .restricted, version: .latest))
        XCTAssertEqual(try PodSecurityPolicy(parsing: "baseline:v1.30"), PodSecurityPolicy(level: .baseline, version: .v1(30)))
        XCTAssertEqual(try PodSecurityPolicy(parsing: "restricted"), PodSecurityPolicy(level: .restricted, version: .latest))
        XCTAssertEqual(try PodSecurityPolicy(parsing: "privileged:v1.0").version, .v1(0))
        XCTAssertEqual(PodSecurityPolicy(level: .baseline, version: .v1(25)).description, "baseline:v1.25")
    }

    func testRejectsMalformedPolicies() {
        for text in ["Restricted", "restricted:1.30", "restricted:v1.030", "restricted:v2.0", "restricted:v1.", "", "baseline:latest:x", "restricted:v1.99999999999999999999"] {
            XCTAssertThrowsError(try PodSecurityPolicy(parsing: text), text) { error in
                XCTAssertTrue("\(error)".hasPrefix("invalid Pod Security policy \"\(text)\""), "\(error)")
            }
        }
    }

    func testVersionOrderingTreatsLatestAsNewest() {
        XCTAssertLessThan(PodSecurityVersion.v1(9), .v1(10))
        XCTAssertLessThan(PodSecurityVersion.v1(99), .latest)
        XCTAssertFalse(PodSecurityVersion.latest < .v1(1000))
        XCTAssertEqual(PodSecurityVersion(parsing: "latest"), .latest)
        XCTAssertNil(PodSecurityVersion(parsing: "v1.-1"))
    }

    func testNewestVersionIsV1Dot37() {
        XCTAssertEqual(PodSecurityEvaluator.newestVersion, .v1(37))
    }
}
