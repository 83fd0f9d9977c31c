import Foundation
import Kube
import PalisadeCore
@testable import Posture
import XCTest

/// Whole-scan behaviour: broken and non-Kubernetes inputs, determinism.
final class ScanEngineInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scan-engine-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("a-good.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: apps}
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
                securityContext: {privileged: true}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        """)
        try write("b-broken.yaml", "apiVersion: v1\nkind: ConfigMap\n  name: misindented\n")
        try write("c-values.yaml", "replicaCount: 2\nimage:\n  tag: latest\n")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func scan(threads: Int = 2) throws -> ScanReport {
        let manifests = ManifestLoader().load(paths: [directory.path])
        let scanner = try ControlScanner(library: try ScanEngineFixtures.library([ScanEngineFixtures.privileged, ScanEngineFixtures.networkPolicy]))
        let settings = ScanSettings(now: ScanEngineFixtures.midday, threads: threads)
        return PostureScan(scanner: scanner).scan(ScanInputs(manifests: manifests, descriptions: [directory.path]), settings: settings)
    }

    func testBrokenFileIsReportedWithFileAndLineAndTheRestIsScanned() throws {
        let report = try scan()
        XCTAssertEqual(report.resourceCount, 2)
        XCTAssertEqual(report.errors.count, 1, "\(report.errors)")
        let brokenPath = directory.appendingPathComponent("b-broken.yaml").path
        XCTAssertTrue(report.errors[0].hasPrefix(brokenPath + ":3:"), report.errors[0])
        XCTAssertTrue(report.failures.contains { $0.ruleID == "TST-001" && $0.resource?.name == "web" })
    }

    func testNonKubernetesYAMLIsSkippedWithANotice() throws {
        let report = try scan()
        let valuesPath = directory.appendingPathComponent("c-values.yaml").path
        XCTAssertEqual(report.notices.filter { $0.hasPrefix(valuesPath + ":1:") }.count, 1, "\(report.notices)")
        XCTAssertTrue(report.notices.contains { $0.contains("not a Kubernetes object") })
    }

    func testTwoRunsGiveByteIdenticalJSON() throws {
        let first = JSONWriter.string(try scan().toValue(), options: .pretty)
        let second = JSONWriter.string(try scan().toValue(), options: .pretty)
        let serial = JSONWriter.string(try scan(threads: 1).toValue(), options: .pretty)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first, serial, "the thread count does not change the report")
        XCTAssertTrue(first.contains("\"resourceCount\" : 2") || first.contains("\"resourceCount\": 2"), first)
    }
}
