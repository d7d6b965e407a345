// Assert on plain text: colours off unless a test turns them on.
process.env.FORCE_COLOR = '0';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
