import PalisadeCore

extension StringBuiltins {
    /// `strings.render_template(template, vars)`: a subset of Go's
    /// text/template (see `GoTemplate`). Keys missing from `vars` render as
    /// `<undefined>`.
    static var renderTemplate: Builtin {
        Builtin("strings.render_template", arity: 2) { args, _ in
            let source = try args.string(0)
            let vars = try args.object(1)
            do {
                let template = try GoTemplate(parsing: source)
                return .string(try template.render(.object(vars)))
            } catch let error as GoTemplate.Failure {
                throw args.failure(error.message)
            } catch {
                throw args.failure("template: output too large")
            }
        }
    }
}
