// What each diagnostic code means and how to clear it, for rule listings (SARIF rules, `explain`,
// documentation). A code without an entry here still gets a generic text, so a new code never breaks
// a report.

export interface CodeDoc {
  /** One sentence: what the check finds. */
  summary: string;
  /** What to do about it. */
  help: string;
}

export const CODE_DOCS: Record<string, CodeDoc> = {
  'missing-header': {
    summary: 'The file does not start with the "#!version:1.0.0.1" header.',
    help: 'A phone ignores a configuration file without the header. Make "#!version:1.0.0.1" the first line.',
  },
  'malformed-line': {
    summary: 'A line is not "name = value", a comment or a recognised statement.',
    help: 'Write each setting as "parameter = value" on its own line; start comments with "#".',
  },
  'unknown-parameter': {
    summary: 'The parameter name is not in the catalogue.',
    help: 'A phone silently skips names it does not know. Correct the spelling (the message suggests close names) or list the name in ignoredParameters if it is newer than the catalogue.',
  },
  'index-out-of-range': {
    summary: 'An index in the name (account, key, handset number) is beyond what the model supports.',
    help: 'Use an index within the range the message gives; set the model so ranges match the phone.',
  },
  'invalid-value': {
    summary: 'The value is not of the parameter\'s type (number, address, URL, time ...).',
    help: 'Write a value of the type the message names; the hover lists the permitted values.',
  },
  'out-of-range': {
    summary: 'A number lies outside the permitted range.',
    help: 'Use a number within the permitted range; the quick fix offers the nearest bound or the default.',
  },
  'invalid-enum': {
    summary: 'The value is not one of the permitted choices.',
    help: 'Use one of the values the message lists; each choice is described in the hover.',
  },
  'duplicate-parameter': {
    summary: 'The same parameter is set twice in one file; only the later line takes effect.',
    help: 'Remove the earlier line, or merge the two into the value you mean.',
  },
  dependency: {
    summary: 'A setting has no effect because a parameter it depends on has the wrong value.',
    help: 'Set the deciding parameter as the message says, or remove the setting that cannot take effect.',
  },
  'legacy-format': {
    summary: 'The file uses the "[ section ]" format of firmware older than V70.',
    help: 'Keys inside sections are not checked. Convert the file to the "parameter = value" format of current firmware.',
  },
  'missing-include': {
    summary: 'A boot file includes a file that is not in its folder.',
    help: 'The phone cannot load a file the server does not hold. Add the file to the folder or correct the name in the include line (the message suggests close names).',
  },
  'redundant-override': {
    summary: 'A line sets the value an earlier file of the phone\'s set already gives.',
    help: 'The line changes nothing for the phone; remove it, or change the value if a different one was meant.',
  },
  'renamed-parameter': {
    summary: 'The parameter name is one that older firmware used; newer firmware uses another name.',
    help: 'Use the current name the message gives, or set the target firmware if the phones run the older firmware.',
  },
};

export function codeDoc(code: string): CodeDoc {
  return CODE_DOCS[code] ?? { summary: `Problems reported with the code ${code}.`, help: 'See the message for what is wrong and what is allowed.' };
}
