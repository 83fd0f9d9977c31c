import Foundation
import PalisadeCore

/// Decodes controls files. Field names follow kube-bench's Go structs as
/// yaml.v2 maps them; unknown keys are ignored as kube-bench ignores them.
public enum BenchControlsDecoder {
    /// Largest controls file read (the biggest upstream file is ~100 KB).
    public static let maxFileBytes = 8 << 20

    /// Parses a controls file's text (after variable substitution).
    public static func decode(_ text: String, file: String) throws -> BenchControls {
        let root = try BenchYAMLNode.parse(text, file: file)
        guard root.entries != nil else { throw InputError("a controls file must be a map", at: root.location) }
        let groups = try root.benchList("groups").map(group)
        return BenchControls(id: try root.benchString("id"), version: try root.benchString("version"),
                             text: try root.benchString("text"), nodeType: try root.benchString("type"), groups: groups)
    }

    /// Parses and checks that the file is for `target` (kube-bench refuses a file of another type).
    public static func decode(_ text: String, file: String, target: String) throws -> BenchControls {
        let controls = try decode(text, file: file)
        guard controls.nodeType == target else {
            throw InputError("non-\(target) controls file specified (type is '\(controls.nodeType)')", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return controls
    }

    private static func group(_ node: BenchYAMLNode) throws -> BenchGroup {
        try requireMap(node, "group")
        return BenchGroup(id: try node.benchString("id"), text: try node.benchString("text"),
                          type: try node.benchString("type"), checks: try node.benchList("checks").map(check))
    }

    private static func check(_ node: BenchYAMLNode) throws -> BenchCheck {
        try requireMap(node, "check")
        var check = BenchCheck(id: try node.benchString("id"))
        check.text = try node.benchString("text")
        check.audit = try node.benchString("audit")
        check.auditEnv = try node.benchString("audit_env")
        check.auditConfig = try node.benchString("audit_config")
        check.type = try node.benchString("type")
        check.remediation = try node.benchString("remediation")
        check.scored = try node.benchBool("scored")
        check.isMultiple = try node.benchBool("use_multiple_values")
        check.disableEnvTesting = try node.benchBool("disableenvtesting") || node.benchBool("disableEnvTesting")
        check.location = node.location
        if let tests = node["tests"], !tests.isNull { check.tests = try self.tests(tests) }
        return check
    }

    private static func tests(_ node: BenchYAMLNode) throws -> BenchTests {
        try requireMap(node, "tests")
        return BenchTests(items: try node.benchList("test_items").map(item), binOp: try node.benchString("bin_op"))
    }

    private static func item(_ node: BenchYAMLNode) throws -> BenchTestItem {
        if node.isNull { return BenchTestItem() }
        try requireMap(node, "test item")
        var item = BenchTestItem(flag: try node.benchString("flag"), path: try node.benchString("path"),
                                 env: try node.benchString("env"), set: try node.benchBool("set", default: true))
        if let compare = node["compare"], !compare.isNull {
            try requireMap(compare, "compare")
            item.compare = BenchCompare(op: try compare.benchString("op"), value: try compare.benchString("value"))
        }
        return item
    }

    private static func requireMap(_ node: BenchYAMLNode, _ what: String) throws {
        guard node.entries != nil else { throw InputError("a \(what) must be a map", at: node.location) }
    }
}
