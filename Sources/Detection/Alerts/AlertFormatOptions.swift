/// Falco's output options that change an alert's text or JSON form.
public struct AlertFormatOptions: Sendable, Hashable {
    /// `time_format_iso_8601`: the prefix time as `2023-05-25T13:44:05.478445995+0000`.
    public var timeFormatISO8601 = false
    /// `json_include_output_property` (default true).
    public var includeOutput = true
    /// `json_include_tags_property` (default true).
    public var includeTags = true
    /// `json_include_output_fields_property` (default true).
    public var includeOutputFields = true
    /// `json_include_message_property` (default false): the output without its time/priority prefix.
    public var includeMessage = false

    public init() {}
}
