import { ButtonComponent, requireApiVersion } from 'obsidian';

/**
 * Styles a button whose action is hard to undo (reverting a migration): Obsidian 1.13's
 * `setDestructive`, and on older apps the warning style they have, the `mod-warning` class the
 * deprecated `setWarning` adds (set as a class, since the review lint refuses deprecated calls).
 */
export function styleDestructive(button: ButtonComponent): ButtonComponent {
	if (requireApiVersion('1.13.0')) return button.setDestructive();
	return button.setClass('mod-warning');
}
