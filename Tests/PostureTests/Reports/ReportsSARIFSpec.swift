import PalisadeCore

/// The parts of the SARIF 2.1.0 object model (OASIS standard, JSON schema
/// `sarif-schema-2.1.0.json`) that a Palisade log uses: for each object kind,
/// its allowed properties (the schema sets `additionalProperties: false`),
/// its required ones, and the kind of each nested object. Property bags are open.
enum ReportsSARIFSpec {
    struct Kind {
        var allowed: Set<String>
        var required: Set<String> = []
        /// Nested objects (or arrays of objects) and their kinds.
        var children: [String: String] = [:]
    }

    static let kinds: [String: Kind] = [
        "sarifLog": Kind(allowed: ["$schema", "version", "runs", "inlineExternalProperties", "properties"],
                         required: ["version", "runs"], children: ["runs": "run", "properties": "propertyBag"]),
        "run": Kind(allowed: ["tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
                              "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
                              "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
                              "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations",
                              "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
                              "specialLocations", "properties"],
                    required: ["tool"],
                    children: ["tool": "tool", "invocations": "invocation", "results": "result", "properties": "propertyBag"]),
        "tool": Kind(allowed: ["driver", "extensions", "properties"], required: ["driver"],
                     children: ["driver": "toolComponent", "properties": "propertyBag"]),
        "toolComponent": Kind(allowed: ["guid", "name", "organization", "product", "productSuite", "shortDescription",
                                        "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                                        "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
                                        "notifications", "rules", "taxa", "locations", "language", "contents",
                                        "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                                        "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"],
                              required: ["name"], children: ["rules": "reportingDescriptor", "properties": "propertyBag"]),
        "reportingDescriptor": Kind(allowed: ["id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                                              "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration",
                                              "helpUri", "help", "relationships", "properties"],
                                    required: ["id"],
                                    children: ["shortDescription": "multiformatMessageString", "fullDescription": "multiformatMessageString",
                                               "help": "multiformatMessageString", "defaultConfiguration": "reportingConfiguration",
                                               "properties": "propertyBag"]),
        "reportingConfiguration": Kind(allowed: ["enabled", "level", "rank", "parameters", "properties"]),
        "multiformatMessageString": Kind(allowed: ["text", "markdown", "properties"], required: ["text"]),
        "message": Kind(allowed: ["text", "markdown", "id", "arguments", "properties"]),
        "result": Kind(allowed: ["ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid",
                                 "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
                                 "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState",
                                 "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
                                 "webRequest", "webResponse", "properties"],
                       required: ["message"],
                       children: ["message": "message", "locations": "location", "suppressions": "suppression",
                                  "properties": "propertyBag"]),
        "location": Kind(allowed: ["id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"],
                         children: ["physicalLocation": "physicalLocation", "logicalLocations": "logicalLocation", "message": "message"]),
        "physicalLocation": Kind(allowed: ["address", "artifactLocation", "region", "contextRegion", "properties"],
                                 children: ["artifactLocation": "artifactLocation", "region": "region"]),
        "artifactLocation": Kind(allowed: ["uri", "uriBaseId", "index", "description", "properties"]),
        "region": Kind(allowed: ["startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset",
                                 "byteLength", "snippet", "message", "sourceLanguage", "properties"]),
        "logicalLocation": Kind(allowed: ["name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties"]),
        "suppression": Kind(allowed: ["guid", "kind", "status", "justification", "location", "properties"], required: ["kind"]),
        "invocation": Kind(allowed: ["commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                                     "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                                     "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                                     "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful",
                                     "machine", "account", "processId", "executableLocation", "workingDirectory",
                                     "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"],
                           required: ["executionSuccessful"], children: ["toolExecutionNotifications": "notification"]),
        "notification": Kind(allowed: ["locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
                                       "associatedRule", "properties"],
                             required: ["message"], children: ["message": "message"]),
        "propertyBag": Kind(allowed: []),
    ]

    static let enums: [String: [String: Set<String>]] = [
        "result": ["level": ["none", "note", "warning", "error"],
                   "kind": ["notApplicable", "pass", "fail", "review", "open", "informational"]],
        "notification": ["level": ["none", "note", "warning", "error"]],
        "reportingConfiguration": ["level": ["none", "note", "warning", "error"]],
        "suppression": ["kind": ["inSource", "external"], "status": ["accepted", "underReview", "rejected"]],
        "run": ["columnKind": ["utf16CodeUnits", "unicodeCodePoints"]],
        "sarifLog": ["version": ["2.1.0"]],
    ]

    /// Problems found, as `path: message`; empty when the log conforms.
    static func validate(_ log: Value) -> [String] {
        var problems: [String] = []
        check(log, kind: "sarifLog", path: "$", into: &problems)
        problems += crossReferences(log)
        return problems
    }

    private static func check(_ value: Value, kind name: String, path: String, into problems: inout [String]) {
        guard let object = value.objectValue else { problems.append("\(path): \(name) must be an object"); return }
        guard let kind = kinds[name] else { problems.append("\(path): unknown kind \(name)"); return }
        let keys = Set(object.keys.compactMap(\.stringValue))
        if name == "propertyBag" {
            checkTags(value["tags"], path: path, into: &problems)
            return
        }
        for key in keys.subtracting(kind.allowed).sorted() { problems.append("\(path): \(name) does not allow '\(key)'") }
        for key in kind.required.subtracting(keys).sorted() { problems.append("\(path): \(name) requires '\(key)'") }
        for (key, allowed) in enums[name] ?? [:] {
            guard let member = value[key] else { continue }
            if !allowed.contains(member.stringValue ?? "") { problems.append("\(path).\(key): '\(member)' not in \(allowed.sorted())") }
        }
        if name == "region", let line = value["startLine"], (line.intValue ?? 0) < 1 { problems.append("\(path).startLine must be ≥ 1") }
        if name == "result", let index = value["ruleIndex"], (index.intValue ?? -2) < -1 { problems.append("\(path).ruleIndex must be ≥ -1") }
        for (key, childKind) in kind.children {
            guard let child = value[key] else { continue }
            if let items = child.arrayValue {
                for (i, item) in items.enumerated() { check(item, kind: childKind, path: "\(path).\(key)[\(i)]", into: &problems) }
            } else {
                check(child, kind: childKind, path: "\(path).\(key)", into: &problems)
            }
        }
    }

    private static func checkTags(_ tags: Value?, path: String, into problems: inout [String]) {
        guard let tags else { return }
        guard let items = tags.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            problems.append("\(path).tags must be an array of strings"); return
        }
        if Set(items).count != items.count { problems.append("\(path).tags must be unique") }
    }

    /// `ruleIndex` must point at the rule whose id is the result's `ruleId`; rule ids are unique.
    private static func crossReferences(_ log: Value) -> [String] {
        var problems: [String] = []
        for (r, run) in (log["runs"]?.arrayValue ?? []).enumerated() {
            let rules = run["tool"]?["driver"]?["rules"]?.arrayValue ?? []
            let ids = rules.compactMap { $0["id"]?.stringValue }
            if Set(ids).count != ids.count { problems.append("runs[\(r)]: duplicate rule ids") }
            for (i, result) in (run["results"]?.arrayValue ?? []).enumerated() {
                guard let index = result["ruleIndex"]?.intValue else { continue }
                if !ids.indices.contains(index) || ids[index] != result["ruleId"]?.stringValue {
                    problems.append("runs[\(r)].results[\(i)]: ruleIndex \(index) does not name rule \(result["ruleId"]?.stringValue ?? "?")")
                }
            }
        }
        return problems
    }
}
