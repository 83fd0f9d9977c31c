import Foundation
import NetPolicy
import PalisadeCore

/// One NCA fw-rule: grouped sources, grouped destinations, a connection set.
struct NCAFirewallRule {
    enum Side {
        /// Pods of these namespaces (nil: non-namespaced, NCA's `None`) matching any pattern.
        case pods(namespaces: [String?], patterns: [NCAPodPattern])
        /// Addresses (IPv6 entries dropped).
        case addresses(IntervalSet)
    }

    var source: Side
    var destination: Side
    /// The connection text, parsed against a universe when expanded.
    var connection: ConnectionText

    enum ConnectionText {
        case text(String)
        /// YAML/JSON `connection:` list.
        case value(Value)
    }
}

/// A part of a golden output: a title (category or config line) and its rules.
struct NCAGoldenSection {
    var title: String
    var rules: [NCAFirewallRule]
}

/// Parses NCA golden outputs (txt, yaml, json, csv, md) into results (one per
/// config or config pair) made of sections.
enum NCAGoldenParser {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String, format: String) throws -> [[NCAGoldenSection]] {
        switch format {
        case "txt": return try parseText(text)
        case "yaml", "json": return try parseStructured(text)
        case "csv", "md": return try parseTable(text, csv: format == "csv")
        case "txt_no_fw_rules": return try parsePairs(text)
        default: throw Malformed(description: "golden format \(format) is not compared")
        }
    }

    // MARK: txt

    static func parseText(_ text: String) throws -> [[NCAGoldenSection]] {
        var results: [[NCAGoldenSection]] = []
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("final fw rules for query") {
                results.append([NCAGoldenSection(title: line, rules: [])])
            } else if line.hasSuffix("semantically equivalent.") || line.contains("have the same network topology") {
                results.append([])
            } else if line.hasPrefix("src") {
                if results.isEmpty { results.append([]) }
                if results[results.count - 1].isEmpty { results[results.count - 1].append(NCAGoldenSection(title: "", rules: [])) }
                let last = results.count - 1
                results[last][results[last].count - 1].rules.append(try parseTextRule(line))
            } else {
                if results.isEmpty { results.append([]) }
                results[results.count - 1].append(NCAGoldenSection(title: line, rules: []))
            }
        }
        return results
    }

    /// `src_ns: [a] src_pods: [*] dst: 0.0.0.0/0 conn: All connections`.
    static func parseTextRule(_ line: String) throws -> NCAFirewallRule {
        guard let connRange = line.range(of: " conn: ") else { throw Malformed(description: "no conn in \(line)") }
        let sides = String(line[..<connRange.lowerBound])
        let conn = String(line[connRange.upperBound...])
        guard let dstRange = sides.range(of: " dst_ns: ") ?? sides.range(of: " dst: ") else { throw Malformed(description: "no dst in \(line)") }
        let src = String(sides[..<dstRange.lowerBound]), dst = String(sides[sides.index(after: dstRange.lowerBound)...])
        return NCAFirewallRule(source: try parseTextSide(src, prefix: "src"), destination: try parseTextSide(dst, prefix: "dst"),
                               connection: .text(conn))
    }

    static func parseTextSide(_ text: String, prefix: String) throws -> NCAFirewallRule.Side {
        if text.hasPrefix("\(prefix): ") { return .addresses(addresses(String(text.dropFirst(prefix.count + 2)).components(separatedBy: ","))) }
        guard let podsRange = text.range(of: " \(prefix)_pods: ") else { throw Malformed(description: "no pods in \(text)") }
        let ns = bracketed(String(text[text.index(text.startIndex, offsetBy: prefix.count + 5)..<podsRange.lowerBound]))
        let pods = bracketed(String(text[podsRange.upperBound...]))
        return .pods(namespaces: namespaces(ns.components(separatedBy: ",")), patterns: NCAPodPattern.parseList(pods))
    }

    static func bracketed(_ text: String) -> String {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("[") { t.removeFirst() }
        if t.hasSuffix("]") { t.removeLast() }
        return t
    }

    static func namespaces(_ names: [String]) -> [String?] {
        names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { $0 == "None" ? nil : $0 }
    }

    static func addresses(_ items: [String]) -> IntervalSet {
        var result = IntervalSet.empty
        for raw in items {
            let item = raw.trimmingCharacters(in: .whitespaces)
            if item.isEmpty || item.contains(":") { continue }
            if let block = IPv4.cidr(item) {
                result = result.union(block)
            } else if let dash = item.firstIndex(of: "-"), let low = IPv4.address(item[..<dash]),
                      let high = IPv4.address(item[item.index(after: dash)...]) {
                result = result.union(IntervalSet(low, high))
            } else if let a = IPv4.address(Substring(item)) {
                result = result.union(IntervalSet(a, a))
            }
        }
        return result
    }

    // MARK: txt_no_fw_rules

    /// `ns/name[Kind] => 0.0.0.0-255.255.255.255 : {protocols:TCP,dst_ports:80}`, with category titles between.
    static func parsePairs(_ text: String) throws -> [[NCAGoldenSection]] {
        var sections: [NCAGoldenSection] = []
        for raw in text.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasSuffix("semantically equivalent.") { continue }
            guard let arrow = line.range(of: " => "), let colon = line.range(of: " : ", range: arrow.upperBound..<line.endIndex) else {
                sections.append(NCAGoldenSection(title: line, rules: []))
                continue
            }
            if sections.isEmpty { sections.append(NCAGoldenSection(title: "", rules: [])) }
            let rule = NCAFirewallRule(source: pairSide(String(line[..<arrow.lowerBound])),
                                       destination: pairSide(String(line[arrow.upperBound..<colon.lowerBound])),
                                       connection: .text(String(line[colon.upperBound...])))
            sections[sections.count - 1].rules.append(rule)
        }
        return [sections]
    }

    /// `ns/name[Kind]` names a workload (`ns/name(Kind)`); anything else is an address range.
    static func pairSide(_ text: String) -> NCAFirewallRule.Side {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), let slash = text.firstIndex(of: "/") else {
            return .addresses(addresses(text.components(separatedBy: ",")))
        }
        let namespace = String(text[..<slash])
        let kind = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return .pods(namespaces: [namespace], patterns: [.name("\(text[..<open])(\(kind))")])
    }

    // MARK: yaml / json

    static func parseStructured(_ text: String) throws -> [[NCAGoldenSection]] {
        let root = try YAMLReader.decode(text, file: "golden")
        return (root.arrayValue ?? [root]).map { entry in
            let title = (entry["configs"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: ",")
            return (entry["explanation"]?.arrayValue ?? []).map { item in
                let rules = (item["rules"]?.arrayValue ?? []).compactMap(structuredRule)
                return NCAGoldenSection(title: item["description"]?.stringValue ?? title, rules: rules)
            }
        }
    }

    static func structuredRule(_ rule: Value) -> NCAFirewallRule? {
        func side(_ prefix: String) -> NCAFirewallRule.Side {
            if let block = rule["\(prefix)_ip_block"]?.arrayValue {
                return .addresses(addresses(block.compactMap(\.stringValue)))
            }
            let ns = (rule["\(prefix)_ns"]?.arrayValue ?? []).map { $0.stringValue ?? "None" }
            let pods = (rule["\(prefix)_pods"]?.arrayValue ?? []).map { item -> String in
                if let s = item.stringValue { return s }
                return "\(item)"
            }
            return .pods(namespaces: namespaces(ns), patterns: pods.map(NCAPodPattern.parseItem))
        }
        return NCAFirewallRule(source: side("src"), destination: side("dst"), connection: .value(rule["connection"] ?? .null))
    }

    // MARK: csv / md

    static func parseTable(_ text: String, csv: Bool) throws -> [[NCAGoldenSection]] {
        var results: [[NCAGoldenSection]] = []
        var lastPair = ""
        for line in text.components(separatedBy: "\n") where !line.isEmpty {
            var cells = csv ? csvCells(line) : line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if !csv { cells = Array(cells.dropFirst()) }
            guard cells.count >= 6 else { continue }
            if cells[0] == "query" || cells[0].hasPrefix("---") { continue }
            if !cells[0].isEmpty {
                let parts = cells[0].components(separatedBy: ", key: ")
                let pairTitle = parts.count > 1 ? parts[0] : ""
                let title = parts.last ?? cells[0]
                let section = NCAGoldenSection(title: title, rules: [])
                if title.contains("connections between"), pairTitle == lastPair, !results.isEmpty {
                    results[results.count - 1].append(section)
                } else {
                    results.append([section])
                }
                lastPair = pairTitle
                continue
            }
            if results.isEmpty { results.append([NCAGoldenSection(title: "", rules: [])]) }
            func side(_ ns: String, _ pods: String) -> NCAFirewallRule.Side {
                if ns.isEmpty { return .addresses(addresses(pods.components(separatedBy: ","))) }
                return .pods(namespaces: namespaces(bracketed(ns).components(separatedBy: ",")), patterns: NCAPodPattern.parseList(bracketed(pods)))
            }
            let rule = NCAFirewallRule(source: side(cells[1], cells[2]), destination: side(cells[3], cells[4]), connection: .text(cells[5]))
            let last = results.count - 1
            results[last][results[last].count - 1].rules.append(rule)
        }
        return results
    }

    static func csvCells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == "," && !quoted { cells.append(current); current = ""; continue }
            current.append(ch)
        }
        cells.append(current)
        return cells
    }
}
