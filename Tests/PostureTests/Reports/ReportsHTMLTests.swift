import Foundation
import XCTest
@testable import Posture

final class ReportsHTMLTests: XCTestCase {
    private let sample = ReportRenderer.render(ReportsFixtures.sample(), as: .html, color: false)
    private let hostile = ReportRenderer.render(ReportsFixtures.hostile(), as: .html, color: false)

    func testSelfContainedWithoutScriptsOrFetches() {
        for page in [sample, hostile] {
            XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
            XCTAssertFalse(page.lowercased().contains("<script"), "no JavaScript, and no injected script")
            XCTAssertFalse(page.contains(" src="))
            XCTAssertFalse(page.contains("<link"))
            XCTAssertFalse(page.contains("url("))
            XCTAssertFalse(page.contains("@import"))
            XCTAssertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        }
    }

    func testSummaryChartAndDrillDown() {
        XCTAssertTrue(sample.contains("<span class=\"overall\" id=\"overall-score\">77.78%</span>"))
        XCTAssertTrue(sample.contains("<svg class=\"chart\""))
        // Overall 77.78 % of a 400-unit bar is 311 units.
        XCTAssertTrue(sample.contains("<rect class=\"fill fair\" x=\"140\" y=\"8\" width=\"311\""))
        XCTAssertTrue(sample.contains("<details class=\"control fail\" id=\"control-PAL-001\">"))
        XCTAssertTrue(sample.contains("<details class=\"control pass\" id=\"control-PAL-140\">"))
        XCTAssertTrue(sample.contains("<details class=\"control na\" id=\"control-PAL-180\">"))
        XCTAssertTrue(sample.contains("<td>Pod security: non-root and unprivileged containers</td>"))
        XCTAssertTrue(sample.contains("<li class=\"sev-critical\">critical <strong>1</strong></li>"))
    }

    func testExemptedShownSeparatelyWithJustificationAndExpiry() throws {
        let section = try XCTUnwrap(sample.range(of: "<section id=\"exempted-findings\">"))
        let exempted = sample[section.lowerBound...]
        XCTAssertTrue(exempted.contains("<td>CNI agent needs host access</td><td>2027-03-31</td><td>exceptions.yaml</td>"))
        let failedSection = try XCTUnwrap(sample.range(of: "<section id=\"failed-findings\">"))
        XCTAssertFalse(sample[failedSection.lowerBound..<section.lowerBound].contains("cilium"))
    }

    func testHostileStringsAreEscaped() {
        XCTAssertTrue(hostile.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"))
        XCTAssertFalse(hostile.contains("alert(\"x\")"))
        XCTAssertTrue(hostile.contains("id=\"control-USR-_3c1_3e\""), "ids are reduced to safe characters")
        XCTAssertFalse(hostile.contains("href=\"javascript:"), "only http(s) references become links")
        XCTAssertTrue(hostile.contains("href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\""))
    }

    /// Renders the page in Debian's chromium (installed with apt-get when missing) and checks the DOM.
    func testChromiumParsesTheExpectedDOM() throws {
        guard let chromium = ReportsExternalTool.ensure("chromium", aptPackage: "chromium") else {
            throw XCTSkip("chromium is not installed and could not be installed with apt-get")
        }
        let page = try ReportsExternalTool.temporaryFile(hostile + "\n" , suffix: ".html")
        let sampleFile = try ReportsExternalTool.temporaryFile(sample, suffix: ".html")
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("reports-chromium-\(UUID().uuidString)")
        defer { for url in [page, sampleFile, profile] { try? FileManager.default.removeItem(at: url) } }
        for (file, hostileInput) in [(sampleFile, false), (page, true)] {
            let output = try XCTUnwrap(ReportsExternalTool.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile.path,
                "--dump-dom", file.absoluteString,
            ], timeout: 180))
            let dom = output.stdout
            guard dom.contains("<html") else { return XCTFail("chromium produced no DOM: \(output.stderr.suffix(500))") }
            XCTAssertTrue(dom.contains("<svg class=\"chart\""))
            XCTAssertTrue(dom.contains("<details class=\"control"))
            XCTAssertTrue(dom.contains("<section id=\"summary\">"))
            XCTAssertFalse(dom.lowercased().contains("<script"), "the parsed DOM has no script element")
            if hostileInput {
                XCTAssertTrue(dom.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"), "hostile text stays text")
                XCTAssertTrue(dom.contains("id=\"exempted-findings\""))
            } else {
                XCTAssertTrue(dom.contains("<details class=\"control fail\" id=\"control-PAL-001\">"))
                XCTAssertTrue(dom.contains("<h3 id=\"framework-NSA-CISA\">"))
            }
        }
    }
}
