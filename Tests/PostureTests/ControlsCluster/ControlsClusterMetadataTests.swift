import XCTest
import PalisadeCore

final class ControlsClusterMetadataTests: XCTestCase {
    static let idRanges: [String: ClosedRange<Int>] = ["rbac": 100...139, "exposure": 140...159, "network": 160...179, "other": 180...199]
    static let severities: Set<String> = ["info", "low", "medium", "high", "critical"]
    static let frameworks: Set<String> = ["NSA-CISA", "MITRE", "CIS", "PSS", "SOC2", "PCI-DSS", "HIPAA"]

    /// The METADATA block: the first comment block of the file, as YAML.
    static func metadata(_ text: String) throws -> Value {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "# METADATA" else { return .null }
        var yaml: [String] = []
        for line in lines.dropFirst() {
            guard line.hasPrefix("#") else { break }
            yaml.append(String(line.dropFirst(line.hasPrefix("# ") ? 2 : 1)))
        }
        return try YAMLReader.decode(yaml.joined(separator: "\n"))
    }

    func testEveryControlHasCompleteMetadata() throws {
        let files = ControlsClusterHarness.ownedControlFiles()
        XCTAssertGreaterThanOrEqual(files.count, 36)
        var ids: [String: String] = [:]
        for url in files {
            let name = url.lastPathComponent
            let area = url.deletingLastPathComponent().lastPathComponent
            let text = try String(contentsOf: url, encoding: .utf8)
            let meta = try Self.metadata(text)
            let custom = meta["custom"]
            XCTAssertFalse((meta["title"]?.stringValue ?? "").isEmpty, "\(name): title")
            XCTAssertFalse((meta["description"]?.stringValue ?? "").isEmpty, "\(name): description")
            XCTAssertFalse((custom?["remediation"]?.stringValue ?? "").isEmpty, "\(name): remediation")
            XCTAssertTrue(Self.severities.contains(custom?["severity"]?.stringValue ?? ""), "\(name): severity")
            XCTAssertFalse((custom?["kinds"]?.arrayValue ?? []).isEmpty, "\(name): kinds")
            XCTAssertFalse((custom?["references"]?.arrayValue ?? []).isEmpty, "\(name): references")
            let mapped = custom?["frameworks"]?.objectValue ?? [:]
            XCTAssertFalse(mapped.isEmpty, "\(name): frameworks")
            for (key, ids) in mapped {
                XCTAssertTrue(Self.frameworks.contains(key.stringValue ?? ""), "\(name): framework \(key)")
                XCTAssertFalse((ids.arrayValue ?? []).isEmpty, "\(name): \(key) lists no ids")
            }
            let id = custom?["id"]?.stringValue ?? ""
            let number = Int(id.dropFirst(4)) ?? -1
            XCTAssertTrue(id.hasPrefix("PAL-") && id.count == 7 && (Self.idRanges[area]?.contains(number) ?? false), "\(name): id \(id) outside \(area) range")
            XCTAssertNil(ids[id], "\(name): id \(id) also used by \(ids[id] ?? "")")
            ids[id] = name
            let slug = url.deletingPathExtension().lastPathComponent
            XCTAssertTrue(text.contains("\npackage palisade.controls.\(slug)\n"), "\(name): package must be palisade.controls.\(slug)")
        }
    }

    func testMappingsUseKnownIdentifiers() throws {
        for url in ControlsClusterHarness.ownedControlFiles() {
            let mapped = try Self.metadata(String(contentsOf: url, encoding: .utf8))["custom"]?["frameworks"]
            for value in mapped?["MITRE"]?.arrayValue ?? [] {
                let id = value.stringValue ?? ""
                XCTAssertNotNil(id.range(of: #"^T1\d{3}(\.\d{3})?$"#, options: .regularExpression), "\(url.lastPathComponent): MITRE \(id)")
            }
            for value in mapped?["CIS"]?.arrayValue ?? [] {
                XCTAssertTrue((value.stringValue ?? "").hasPrefix("5."), "\(url.lastPathComponent): CIS \(value)")
            }
            for value in mapped?["PSS"]?.arrayValue ?? [] {
                XCTAssertTrue(["privileged", "baseline", "restricted"].contains(value.stringValue ?? ""), "\(url.lastPathComponent): PSS \(value)")
            }
        }
    }

    func testLibraryCompiles() throws {
        _ = try ControlsClusterHarness.engine.get()
    }
}

