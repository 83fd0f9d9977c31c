import PalisadeCore
import XCTest

@testable import Rego

/// Replays the JWT conformance cases of OPA's suite against the builtins.
final class CryptoConformanceTests: XCTestCase {
    func testConformanceCases() throws {
        XCTAssertGreaterThan(CryptoConformanceFixtures.cases.count, 100)
        for fixture in CryptoConformanceFixtures.cases {
            guard case .array(let operands) = CryptoTestSupport.json(fixture.operands) else {
                XCTFail("\(fixture.note): operands are not an array")
                continue
            }
            if let fragment = fixture.error {
                do {
                    let result = try CryptoTestSupport.call(fixture.builtin, operands)
                    XCTFail("\(fixture.note): expected error \(fragment), got \(String(describing: result))")
                } catch let error as BuiltinError {
                    XCTAssertTrue(error.message.contains(fragment), "\(fixture.note): \(error.message)")
                    XCTAssertEqual(error.code, .builtin, fixture.note)
                }
                continue
            }
            do {
                let result = try CryptoTestSupport.call(fixture.builtin, operands)
                XCTAssertEqual(result, fixture.result.map(CryptoTestSupport.json), fixture.note)
            } catch {
                XCTFail("\(fixture.note): unexpected error \(error)")
            }
        }
    }
}
