<?php
/**
 * wp-admin: the settings page (Settings → AVN patient guide), the notice shown when the guide's
 * script is missing, and the block editor's data.
 *
 * @package AVN_Aid
 */

defined( 'ABSPATH' ) || exit;

/** Slug of the settings page. */
const AVN_AID_SETTINGS_PAGE = 'avn-aid';

/**
 * Adds Settings → AVN patient guide, for users who can manage options.
 */
function avn_aid_add_settings_page() {
	add_options_page(
		__( 'AVN patient guide', 'avn-aid' ),
		__( 'AVN patient guide', 'avn-aid' ),
		'manage_options',
		AVN_AID_SETTINGS_PAGE,
		'avn_aid_render_settings_page'
	);
}

/**
 * A "Settings" link beside the plugin on the Plugins screen.
 *
 * @param string[] $links Existing links.
 * @return string[]
 */
function avn_aid_plugin_action_links( $links ) {
	if ( current_user_can( 'manage_options' ) ) {
		$url = admin_url( 'options-general.php?page=' . AVN_AID_SETTINGS_PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'avn-aid' ) . '</a>' );
	}
	return $links;
}

/**
 * The settings page's one section and its fields.
 */
function avn_aid_add_settings_fields() {
	add_settings_section(
		'avn_aid_defaults',
		__( 'Defaults for every page', 'avn-aid' ),
		'avn_aid_render_defaults_intro',
		AVN_AID_SETTINGS_PAGE
	);
	$fields = array(
		'hospital'    => __( 'Hospital name', 'avn-aid' ),
		'contact_url' => __( 'Contact link', 'avn-aid' ),
		'accent'      => __( 'Accent colour', 'avn-aid' ),
		'lang'        => __( 'Language', 'avn-aid' ),
		'disclaimer'  => __( 'Disclaimer', 'avn-aid' ),
	);
	foreach ( $fields as $key => $label ) {
		add_settings_field(
			'avn_aid_' . $key,
			$label,
			'avn_aid_render_field',
			AVN_AID_SETTINGS_PAGE,
			'avn_aid_defaults',
			array(
				'key'       => $key,
				'label_for' => 'avn_aid_' . $key,
			)
		);
	}
}

/**
 * Words above the fields.
 */
function avn_aid_render_defaults_intro() {
	echo '<p>' . esc_html__( 'These apply wherever the guide is placed. A page can set its own values in the block\'s settings or the shortcode, and those win. Leave a field empty to use the guide\'s own default.', 'avn-aid' ) . '</p>';
}

/**
 * One field of the settings form.
 *
 * @param array{key: string, label_for: string} $args Which setting.
 */
function avn_aid_render_field( $args ) {
	$key      = $args['key'];
	$settings = avn_aid_get_settings();
	$id       = 'avn_aid_' . $key;
	$name     = AVN_AID_OPTION . '[' . $key . ']';
	$value    = $settings[ $key ];

	switch ( $key ) {
		case 'lang':
			echo '<select id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '">';
			echo '<option value=""' . selected( $value, '', false ) . '>' . esc_html__( 'The guide\'s default (English)', 'avn-aid' ) . '</option>';
			foreach ( avn_aid_languages() as $code => $language ) {
				echo '<option value="' . esc_attr( $code ) . '"' . selected( $value, $code, false ) . '>' . esc_html( $language ) . '</option>';
			}
			echo '</select>';
			break;
		case 'contact_url':
			echo '<input type="text" class="regular-text code" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" placeholder="https://www.your-hospital.example/book" aria-describedby="' . esc_attr( $id ) . '-help">';
			echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html__( 'Shown as "Talk to a specialist" under every view: https:// with a web address, mailto: with an email address, or tel: with a phone number.', 'avn-aid' ) . '</p>';
			break;
		case 'accent':
			echo '<input type="text" class="small-text code" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" placeholder="#0b5c8a" maxlength="7" pattern="#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})" aria-describedby="' . esc_attr( $id ) . '-help">';
			echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html__( 'For buttons and links: # and 3 or 6 hexadecimal digits, dark enough to read on white (contrast of at least 4.5 to 1).', 'avn-aid' ) . '</p>';
			break;
		case 'disclaimer':
			echo '<textarea class="large-text" rows="3" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" maxlength="' . esc_attr( (string) AVN_AID_MAX_TEXT ) . '" aria-describedby="' . esc_attr( $id ) . '-help">' . esc_textarea( $value ) . '</textarea>';
			/* translators: %d: the longest text allowed, in characters. */
			echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html( sprintf( __( 'Your own words in the guide\'s footer, in plain text (up to %d characters).', 'avn-aid' ), AVN_AID_MAX_TEXT ) ) . '</p>';
			break;
		default:
			echo '<input type="text" class="regular-text" id="' . esc_attr( $id ) . '" name="' . esc_attr( $name ) . '" value="' . esc_attr( $value ) . '" maxlength="' . esc_attr( (string) AVN_AID_MAX_TEXT ) . '" aria-describedby="' . esc_attr( $id ) . '-help">';
			echo '<p class="description" id="' . esc_attr( $id ) . '-help">' . esc_html__( 'Used in "Talk to a specialist at …" and "A note from …", in plain text.', 'avn-aid' ) . '</p>';
	}
}

/**
 * Settings → AVN patient guide.
 */
function avn_aid_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$info = avn_aid_build_info();
	echo '<div class="wrap">';
	// No settings_errors() here: WordPress shows them on every page under Settings (options-head.php).
	echo '<h1>' . esc_html( get_admin_page_title() ) . '</h1>';

	echo '<p>' . esc_html__( 'The guide explains avascular necrosis (osteonecrosis) stages and the options for each to patients. It runs in the patient\'s browser: it sends nothing anywhere and sets no cookie.', 'avn-aid' ) . '</p>';
	echo '<p>' . esc_html__( 'To put it on a page, add the "AVN patient guide" block, or write this shortcode on a line of its own:', 'avn-aid' ) . ' <code>[avn_aid hospital="St Example Hospital" joint="hip"]</code></p>';

	if ( avn_aid_script_exists() ) {
		$details = array();
		if ( '' !== $info['content_version'] ) {
			/* translators: %s: version of the guide's medical content, e.g. 0.3.0. */
			$details[] = sprintf( __( 'content version %s', 'avn-aid' ), $info['content_version'] );
		}
		/* translators: %s: a short code that changes whenever the guide's script changes. */
		$details[] = sprintf( __( 'script %s', 'avn-aid' ), avn_aid_script_version() );
		/* translators: %s: the versions, e.g. "content version 0.3.0, script 1a2b3c4d5e6f". */
		echo '<p>' . esc_html( sprintf( __( 'Installed guide: %s.', 'avn-aid' ), implode( ', ', $details ) ) ) . '</p>';
	}

	echo '<form action="' . esc_url( admin_url( 'options.php' ) ) . '" method="post">';
	settings_fields( 'avn_aid' );
	do_settings_sections( AVN_AID_SETTINGS_PAGE );
	submit_button();
	echo '</form></div>';
}

/**
 * An error notice for administrators when avn-aid.js is not in the plugin folder (the pages then
 * show the "script is missing" words in the guide's place).
 */
function avn_aid_missing_script_notice() {
	if ( avn_aid_script_exists() || ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="notice notice-error"><p>' . esc_html__( 'AVN patient decision aid: the guide\'s script (avn-aid.js) is missing from the plugin\'s folder, so the guide cannot start on your pages; they show a short explanation in its place. Install the plugin again from avn-aid-wordpress.zip.', 'avn-aid' ) . '</p></div>';
}

/**
 * What the block editor shows: the site-wide defaults, the joints and the languages.
 */
function avn_aid_editor_data() {
	$joints = array();
	foreach ( avn_aid_joints() as $value => $label ) {
		$joints[] = array(
			'value' => $value,
			'label' => $label,
		);
	}
	$languages = array();
	foreach ( avn_aid_languages() as $value => $label ) {
		$languages[] = array(
			'value' => $value,
			'label' => $label,
		);
	}
	$data = array(
		'defaults'  => avn_aid_get_settings(),
		'joints'    => $joints,
		'languages' => $languages,
	);
	wp_add_inline_script( 'avn-aid-guide-editor', 'window.avnAidEditor = ' . wp_json_encode( $data ) . ';', 'before' );
}
