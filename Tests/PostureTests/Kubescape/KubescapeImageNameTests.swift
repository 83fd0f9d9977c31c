import PalisadeCore
import Rego
import XCTest
@testable import Posture

final class KubescapeImageNameTests: XCTestCase {
    func testOfficialImagesGetDockerHubLibraryPrefix() throws {
        XCTAssertEqual(try KubescapeImageName.normalize("nginx"), "docker.io/library/nginx")
        XCTAssertEqual(try KubescapeImageName.normalize("nginx:1.25"), "docker.io/library/nginx:1.25")
    }

    func testDockerHubUserImagesAndLegacyDomain() throws {
        XCTAssertEqual(try KubescapeImageName.normalize("bitnami/redis:7"), "docker.io/bitnami/redis:7")
        XCTAssertEqual(try KubescapeImageName.normalize("index.docker.io/foo/bar"), "docker.io/foo/bar")
        XCTAssertEqual(try KubescapeImageName.normalize("index.docker.io/bar"), "docker.io/library/bar")
    }

    func testRegistriesKeepTheirDomain() throws {
        XCTAssertEqual(try KubescapeImageName.normalize("quay.io/org/img:v1"), "quay.io/org/img:v1")
        XCTAssertEqual(try KubescapeImageName.normalize("localhost:5000/app"), "localhost:5000/app")
        XCTAssertEqual(try KubescapeImageName.normalize("localhost/app"), "localhost/app")
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        XCTAssertEqual(try KubescapeImageName.normalize("k8s.gcr.io/pause@\(digest)"), "k8s.gcr.io/pause@\(digest)")
    }

    func testInvalidReferencesFail() {
        XCTAssertThrowsError(try KubescapeImageName.normalize("Nginx")) { error in
            XCTAssertTrue("\(error)".contains("must be lowercase"))
        }
        XCTAssertThrowsError(try KubescapeImageName.normalize(String(repeating: "a", count: 64)))
        XCTAssertThrowsError(try KubescapeImageName.normalize("nginx@sha256:abc"))
        XCTAssertThrowsError(try KubescapeImageName.normalize("a b"))
    }

    func testBuiltinIsCallableFromRego() throws {
        let engine = try RegoEngine(sources: [], builtins: KubescapeBuiltins.all)
        let results = try engine.query(#"x := image.parse_normalized_name("busybox:1.36")"#)
        XCTAssertEqual(results.first?.bindings["x"], .string("docker.io/library/busybox:1.36"))
        let invalid = try engine.query(#"x := image.parse_normalized_name("UPPER")"#)
        XCTAssertTrue(invalid.isEmpty, "a builtin error makes the call undefined")
    }
}
