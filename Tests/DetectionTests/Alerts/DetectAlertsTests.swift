import XCTest
@testable import Detection
import PalisadeCore

final class DetectAlertsTests: XCTestCase {
    let rules = """
    - rule: open etc
      desc: d
      condition: evt.type = open and fd.name startswith /etc
      output: "%proc.name opened %fd.name (user=%user.name cmd=%(proc.cmdline))."
      priority: WARNING
      tags: [filesystem, T1005]
    """

    func alert(_ options: AlertFormatOptions = AlertFormatOptions()) throws -> Alert {
        var detect = DetectionOptions(hostname: "node-1")
        detect.format = options
        let engine = DetectionEngine(rules: try detectEngineRules(rules), options: detect)
        let event = DetectEngineFakeEvent(eventType: "open", fields: ["fd.name": "/etc/shadow", "proc.name": "cat", "proc.cmdline": "cat /etc/shadow"])
        return try XCTUnwrap(engine.process(event).first)
    }

    func testOutputSubstitutionWithFalcoPrefix() throws {
        let alert = try alert()
        // Falco: "<evt.time>: <Priority> <output>", <NA> for a missing field.
        XCTAssertEqual(alert.output, "22:13:20.123456789: Warning cat opened /etc/shadow (user=<NA> cmd=cat /etc/shadow).")
        XCTAssertEqual(AlertRenderer().text(alert), alert.output)
        var iso = AlertFormatOptions()
        iso.timeFormatISO8601 = true
        XCTAssertTrue(try self.alert(iso).output.hasPrefix("2023-11-14T22:13:20.123456789+0000: Warning "))
    }

    func testJSONShapeAndKeyOrder() throws {
        let json = AlertRenderer().json(try alert())
        XCTAssertEqual(json, """
        {"hostname":"node-1","output":"22:13:20.123456789: Warning cat opened /etc/shadow (user=<NA> cmd=cat /etc/shadow).",\
        "output_fields":{"evt.time":1700000000123456789,"fd.name":"/etc/shadow","proc.cmdline":"cat /etc/shadow","proc.name":"cat","user.name":null},\
        "priority":"Warning","rule":"open etc","source":"syscall","tags":["T1005","filesystem"],"time":"2023-11-14T22:13:20.123456789Z"}
        """)
        XCTAssertNoThrow(try JSONReader.decode(json))
    }

    func testJSONIncludeOptions() throws {
        var options = AlertFormatOptions()
        options.includeOutput = false
        options.includeTags = false
        options.includeOutputFields = false
        let json = AlertRenderer(options: options).json(try alert(options))
        XCTAssertEqual(json, #"{"hostname":"node-1","priority":"Warning","rule":"open etc","source":"syscall","time":"2023-11-14T22:13:20.123456789Z"}"#)
    }

    func testListsAndNumbersRenderAsFalcoDoes() {
        XCTAssertEqual(AlertValue.text(.list([.string("a"), .string("b")])), "(a,b)")
        XCTAssertEqual(AlertValue.text(.integer(-2)), "-2")
        XCTAssertEqual(AlertValue.json(.list([.string("a")])), .array([.string("a")]))
        XCTAssertEqual(AlertValue.json(.integer(7)), .int(7))
    }
}
