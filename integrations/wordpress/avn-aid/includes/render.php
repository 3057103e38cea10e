<?php
/**
 * The [avn_aid] shortcode and the avn-aid/guide block, both drawn by avn_aid_render().
 *
 * @package AVN_Aid
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the shortcode and the dynamic block (its editor script is block/editor.js).
 */
function avn_aid_register_shortcode_and_block() {
	add_shortcode( 'avn_aid', 'avn_aid_shortcode' );
	register_block_type(
		AVN_AID_PLUGIN_DIR . 'block',
		array( 'render_callback' => 'avn_aid_render_block' )
	);
}

/**
 * The box the guide starts in: `<div data-avn-aid data-…>` with the page's settings, each falling
 * back to the site-wide default when empty (or, for the contact link, not https:, mailto: or
 * tel:), and only the settings that have a value. Inside it, words for
 * the site's editors that show only while the guide's script is missing (the guide draws into
 * its own shadow root, so once it runs they are not shown). All on one line, so that wpautop
 * cannot add <p> or <br> inside it. Enqueues the guide's script, so it is on no other page.
 *
 * @param array<string, mixed> $settings Keys of avn_aid_setting_keys(); empty means "the default".
 * @return string
 */
function avn_aid_render( array $settings ) {
	$defaults   = avn_aid_get_settings();
	$attributes = array(
		'hospital'    => 'data-hospital',
		'contact_url' => 'data-contact-url',
		'lang'        => 'data-lang',
		'accent'      => 'data-accent',
		'joint'       => 'data-joint',
		'disclaimer'  => 'data-disclaimer',
	);

	$html = '<div data-avn-aid';
	foreach ( $attributes as $key => $attribute ) {
		$value = isset( $settings[ $key ] ) && is_scalar( $settings[ $key ] ) ? trim( (string) $settings[ $key ] ) : '';
		if ( 'contact_url' === $key ) {
			// A link of another kind (javascript:, http:, a bare address) is dropped, and the
			// site-wide one, if any, is used instead.
			$value = esc_url( $value, array( 'https', 'mailto', 'tel' ) );
		}
		if ( '' === $value && isset( $defaults[ $key ] ) ) {
			$value = 'contact_url' === $key ? esc_url( $defaults[ $key ], array( 'https', 'mailto', 'tel' ) ) : $defaults[ $key ];
		}
		if ( '' === $value ) {
			continue;
		}
		// No line breaks in an attribute either (a hospital name pasted with one).
		$value = preg_replace( '/[\r\n\t]+/', ' ', $value );
		$html .= ' ' . $attribute . '="' . esc_attr( $value ) . '"';
	}
	$html .= '><p>' . esc_html__( "The patient guide's script is missing from this page, so the guide cannot start. Please ask the website's team.", 'avn-aid' ) . '</p></div>';

	if ( wp_script_is( 'avn-aid', 'registered' ) ) {
		wp_enqueue_script( 'avn-aid' );
	}
	return $html;
}

/**
 * [avn_aid hospital="…" contact_url="…" lang="…" accent="…" joint="…" disclaimer="…"]
 *
 * @param array<string, string>|string $atts Shortcode attributes ('' when there are none).
 * @return string
 */
function avn_aid_shortcode( $atts ) {
	$atts = shortcode_atts( avn_aid_setting_keys(), is_array( $atts ) ? $atts : array(), 'avn_aid' );
	return avn_aid_render( $atts );
}

/**
 * Render callback of the avn-aid/guide block.
 *
 * @param array<string, mixed> $block_attributes The block's attributes (camelCase).
 * @return string
 */
function avn_aid_render_block( $block_attributes ) {
	$block_attributes = is_array( $block_attributes ) ? $block_attributes : array();
	$names            = array(
		'hospital'    => 'hospital',
		'contact_url' => 'contactUrl',
		'lang'        => 'lang',
		'accent'      => 'accent',
		'joint'       => 'joint',
		'disclaimer'  => 'disclaimer',
	);
	$settings         = array();
	foreach ( $names as $key => $name ) {
		$settings[ $key ] = isset( $block_attributes[ $name ] ) ? $block_attributes[ $name ] : '';
	}
	return avn_aid_render( $settings );
}
