import PalisadeCore

/// `package` and `import` statements.
extension SyntaxParser {
    // MARK: Package

    mutating func parsePackage() -> (path: [String], location: Location)? {
        guard tok.kind == .kwPackage, !nextIsAdjacentRefOpen() else { return nil }
        let at = location(tok)
        scan()
        if tok.kind.isKeyword { tok.kind = .ident }
        guard tok.kind == .ident else {
            illegal()
            return nil
        }
        guard let term = parseTerm() else { return nil }
        switch term.kind {
        case .variable(let name):
            return ([name], at)
        case .ref(let parts):
            guard let first = parts[0].variableName else {
                error(at: parts[0].location, "unexpected \(SyntaxParser.valueName(parts[0])) token: expecting var")
                return nil
            }
            var path = [first]
            for part in parts.dropFirst() {
                guard case .scalar(.string(let name)) = part.kind else {
                    error(at: part.location, "unexpected \(SyntaxParser.valueName(part)) token: expecting string")
                    return nil
                }
                path.append(name)
            }
            return (path, at)
        default:
            illegal()
            return nil
        }
    }

    // MARK: Import

    mutating func parseImport() -> Import? {
        guard tok.kind == .kwImport, !nextIsAdjacentRefOpen() else { return nil }
        let at = location(tok)
        scan()
        if tok.kind.isKeyword { tok.kind = .ident }
        guard tok.kind == .ident else {
            illegal()
            return nil
        }
        // Like OPA, the path is read with the future keywords off (`import future.keywords.in`).
        let keywords = lexer.keywords
        lexer.keywords = []
        let term = parseTerm()
        lexer.keywords = keywords
        if !termCache.isEmpty { termCache.removeAll() }
        var path: Term?
        if let term {
            switch term.kind {
            case .variable:
                path = Term(.ref([term]), at: term.location)
            case .ref(let parts):
                for part in parts.dropFirst() {
                    guard case .scalar(.string) = part.kind else {
                        error(at: part.location, "unexpected \(SyntaxParser.valueName(part)) token: expecting string")
                        return nil
                    }
                }
                path = term
            default:
                break
            }
        }
        guard let path, case .ref(let parts) = path.kind else {
            error(at: tok, "expected path")
            return nil
        }
        let root = parts[0].variableName ?? ""
        guard ["data", "input", "future", "rego"].contains(root) else {
            hints.append("if this is unexpected, try updating OPA")
            error(at: path.location, "unexpected import path, must begin with one of: {data, future, input, rego}, got: \(SyntaxTermText.describe(parts[0]))")
            return nil
        }
        if tok.kind == .kwAs {
            scan()
            guard tok.kind == .ident else {
                illegal("expected var")
                return nil
            }
            guard let alias = parseTerm(), let name = alias.variableName else {
                illegal("expected var")
                return nil
            }
            return Import(path: path, alias: name, at: at)
        }
        let last = parts[parts.count - 1]
        let lastName: String?
        if parts.count == 1 {
            lastName = last.variableName
        } else if root != "future", case .scalar(.string(let name)) = last.kind {
            lastName = name
        } else {
            lastName = nil
        }
        if let lastName, isKeyword(lastName) {
            error(at: last.location, "unexpected import path, must not end with a keyword, got: \(lastName)")
        }
        return Import(path: path, alias: nil, at: at)
    }

    /// OPA's `IsKeywordInRegoVersion` for the parser's version.
    func isKeyword(_ name: String) -> Bool {
        switch name {
        case "package", "import", "as", "default", "else", "not", "some", "with", "null", "true", "false":
            return true
        case "if", "contains", "in", "every":
            return version == .v1
        default:
            return false
        }
    }

    /// Checks `import rego.v1` / `import future.keywords[.kw]` and turns keywords on.
    mutating func applyKeywordImport(_ imp: Import) {
        guard case .ref(let parts) = imp.path.kind, let root = parts.first?.variableName else { return }
        let second: String? = parts.count > 1 ? SyntaxTermText.string(parts[1]) : nil
        if root == "rego" {
            guard parts.count == 2, second == "v1" else {
                error(at: imp.path.location, "invalid import `\(SyntaxTermText.describe(imp.path))`, must be `rego.v1`")
                return
            }
            if version == .v1 { return }
            if imp.alias != nil {
                error(at: imp.path.location, "`rego` imports cannot be aliased")
                return
            }
            lexer.keywords = .all
            termCache.removeAll()
        } else if root == "future" {
            guard parts.count > 1, second == "keywords" else {
                error(at: imp.path.location, "invalid import, must be `future.keywords`")
                return
            }
            if imp.alias != nil {
                error(at: imp.path.location, "`future` imports cannot be aliased")
                return
            }
            termCache.removeAll()
            guard parts.count == 3 else {
                lexer.keywords = .all
                return
            }
            guard let word = SyntaxTermText.string(parts[2]) else {
                error(at: imp.path.location, "invalid import, must be `future.keywords.x`, e.g. `import future.keywords.in`")
                return
            }
            switch word {
            case "in": lexer.keywords.insert(.in)
            case "every": lexer.keywords.formUnion([.every, .in])
            case "contains": lexer.keywords.insert(.contains)
            case "if": lexer.keywords.insert(.if)
            default:
                error(at: imp.path.location, "unexpected keyword, must be one of [contains every if in]")
            }
        }
    }
}
