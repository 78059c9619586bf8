"""What a line is: every vocabulary once (vocab), and the line classes as rule tables (rules)."""
