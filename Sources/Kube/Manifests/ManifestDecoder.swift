import PalisadeCore

/// Turns the text of one manifest file into Kubernetes objects, notices for
/// documents that are not objects, and errors for documents that do not parse.
/// A broken document does not stop the others in the same file.
struct ManifestDecoder {
    /// How deep `List`s may nest inside `List`s.
    var maxListDepth = 8
    /// YAML aliases can make a small file expand hugely; this caps the
    /// decoded size of one file (YAMLReader caps each document).
    var maxNodesPerFile = 8_000_000
    /// After this many broken documents the rest of a file is skipped.
    var maxErrorsPerFile = 100

    func decode(_ text: String, file: String, preferJSON: Bool) -> ManifestSet {
        var set = ManifestSet()
        if preferJSON || Self.looksLikeJSON(text) {
            let json = decodeJSON(text, file: file)
            // A file named .json stays JSON; other text that merely starts with
            // `{` may be YAML flow style, so YAML gets a chance when JSON fails.
            if preferJSON || json.errors.isEmpty { return json }
        }
        var budget = maxNodesPerFile
        for chunk in YAMLChunker.chunks(text) where chunk.hasContent {
            guard budget > 0, set.errors.count < maxErrorsPerFile else {
                let why = budget > 0 ? "more than \(maxErrorsPerFile) broken documents" : "file expands to more than \(maxNodesPerFile) YAML nodes"
                set.errors.append(InputError("\(why); the rest of the file is skipped", at: SourceLocation(file: file, line: chunk.startLine, column: 1)))
                break
            }
            decodeYAML(chunk, file: file, budget: &budget, into: &set)
        }
        return set
    }

    private static func looksLikeJSON(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" }
        return first == "{" || first == "["
    }

    private func decodeJSON(_ text: String, file: String) -> ManifestSet {
        var set = ManifestSet()
        for segment in JSONStreamSplitter.segments(Array(text.utf8)) {
            do {
                let value = try JSONReader.decode(bytes: Array(segment.bytes), file: file)
                let location = SourceLocation(file: file, line: segment.line, column: segment.column)
                add(value, at: location, template: nil, depth: 0, into: &set)
            } catch let error as InputError {
                set.errors.append(Self.shift(error, lines: segment.line - 1, columns: segment.column - 1))
            } catch {
                set.errors.append(InputError("\(error)", at: SourceLocation(file: file, line: segment.line, column: segment.column)))
            }
        }
        return set
    }

    private func decodeYAML(_ chunk: YAMLChunker.Chunk, file: String, budget: inout Int, into set: inout ManifestSet) {
        let offset = chunk.startLine - 1
        do {
            for document in try YAMLReader.documents(chunk.text, file: file) {
                budget -= Self.nodeCount(document.value, limit: budget)
                var location = document.location
                location.line += offset
                add(document.value, at: location, template: chunk.template, depth: 0, into: &set)
            }
        } catch let error as InputError {
            set.errors.append(Self.shift(error, lines: offset, columns: 0))
        } catch {
            set.errors.append(InputError("\(error)", at: SourceLocation(file: file, line: chunk.startLine, column: 1)))
        }
    }

    /// The number of nodes in `value`, counting stops once past `limit`.
    static func nodeCount(_ value: Value, limit: Int) -> Int {
        var count = 0
        var stack = [value]
        while let next = stack.popLast(), count <= limit {
            count += 1
            switch next {
            case .array(let items): stack += items
            case .object(let fields): for (key, item) in fields { stack.append(key); stack.append(item) }
            case .set(let items): stack += items
            default: break
            }
        }
        return count
    }

    /// Moves an error found in a part of a file to its place in the whole file.
    private static func shift(_ error: InputError, lines: Int, columns: Int) -> InputError {
        guard var location = error.location else { return error }
        if location.line == 1 { location.column += columns }
        location.line += lines
        return InputError(error.message, at: location)
    }

    /// Adds one decoded document: an object, the items of a List, or a notice.
    private func add(_ value: Value, at location: SourceLocation, template: String?, depth: Int, into set: inout ManifestSet) {
        if value == .null { return }
        guard let object = KubeObject(value, location: location, template: template) else {
            set.notices.append(ManifestNotice(Self.notKubernetesReason(value), at: location))
            return
        }
        if let items = object.value["items"]?.arrayValue, object.kind.hasSuffix("List") {
            expand(list: object, items: items, depth: depth, into: &set)
        } else if object.group == "kustomize.config.k8s.io" {
            set.notices.append(ManifestNotice(
                "\(object.kind) is kustomize configuration, skipped: scan the output of `kubectl kustomize` instead", at: location))
        } else {
            set.objects.append(object)
        }
    }

    /// Adds the items of a `List` (or `PodList`, ...). Items of a typed list
    /// often lack `apiVersion` and `kind`; they get the list's.
    private func expand(list: KubeObject, items: [Value], depth: Int, into set: inout ManifestSet) {
        let location = list.location ?? SourceLocation(file: "<input>", line: 1, column: 1)
        guard depth < maxListDepth else {
            set.errors.append(InputError("\(list.kind) nested more than \(maxListDepth) levels deep", at: location))
            return
        }
        let itemKind = list.kind == "List" ? nil : String(list.kind.dropLast(4))
        for (index, item) in items.enumerated() {
            guard case .object(var fields) = item else {
                set.notices.append(ManifestNotice("item \(index) of \(list.kind) is not an object, skipped", at: location))
                continue
            }
            if let itemKind, fields[.string("kind")] == nil { fields[.string("kind")] = .string(itemKind) }
            if itemKind != nil, fields[.string("apiVersion")] == nil { fields[.string("apiVersion")] = .string(list.apiVersion) }
            let before = set.notices.count
            add(.object(fields), at: location, template: list.template, depth: depth + 1, into: &set)
            for i in before..<set.notices.count {
                set.notices[i].message = "item \(index) of \(list.kind): " + set.notices[i].message
            }
        }
    }

    private static func notKubernetesReason(_ value: Value) -> String {
        guard case .object = value else {
            return "document is \(article(value.typeName)) \(value.typeName), not a Kubernetes object; skipped"
        }
        let missing = ["apiVersion", "kind"].filter { value[$0]?.stringValue?.isEmpty ?? true }
        let what = missing.count == 2 ? "no apiVersion or kind" : "no string \(missing.joined())"
        return "document has \(what), not a Kubernetes object; skipped"
    }

    private static func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.first.map(String.init) ?? "") ? "an" : "a"
    }
}
